package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.List;
import java.util.Optional;

/**
 * True or false: the sentence as the document states it (true), or with one key term swapped for another of the
 * same kind from the documents (false). A swapped sentence that the documents contain somewhere is refused: it
 * would be true.
 */
public final class TrueFalseBuilder {

    static final List<String> OPTIONS = List.of("True", "False");

    private TrueFalseBuilder() {
    }

    public static Optional<QuestionDraft> build(SentenceContext context, KeyTerm term, boolean makeFalse) {
        return makeFalse ? buildFalse(context, term) : Optional.of(buildTrue(context, term));
    }

    static QuestionDraft buildTrue(SentenceContext context, KeyTerm term) {
        return new QuestionDraft(QuestionType.TRUE_FALSE, "True or false: " + context.text(), OPTIONS, "true",
                "True. " + context.quote(), term.surface(), context.source());
    }

    static Optional<QuestionDraft> buildFalse(SentenceContext context, KeyTerm term) {
        String normalizedSentence = TextNormalizer.normalize(context.text());
        List<KeyTerm> swaps = context.picker().pick(term, context.page().documentId(), context.difficulty(), 1,
                candidate -> !TextNormalizer.containsTokens(normalizedSentence,
                        TextNormalizer.normalize(candidate.surface()))
                        && !context.isKnownSentence(context.replace(term, candidate.surface())));
        if (swaps.isEmpty()) {
            return Optional.empty();
        }
        KeyTerm swap = swaps.getFirst();
        String statement = context.replace(term, swap.surface());
        String original = context.surfaceOf(term);
        return Optional.of(new QuestionDraft(QuestionType.TRUE_FALSE, "True or false: " + statement, OPTIONS, "false",
                "False. " + context.quote() + " The statement puts \"" + swap.surface() + "\" where the source has \""
                        + original + "\".", term.surface(), context.source()));
    }
}
