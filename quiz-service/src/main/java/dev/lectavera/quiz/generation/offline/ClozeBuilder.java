package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.List;
import java.util.Optional;

/** Fill in the blank: the sentence with the key term blanked out; the term is the answer. */
public final class ClozeBuilder {

    /** A blanked sentence must keep this many content words to be answerable. */
    static final int MIN_CONTEXT_WORDS = 3;

    private ClozeBuilder() {
    }

    public static Optional<QuestionDraft> build(SentenceContext context, KeyTerm term) {
        Optional<String> stem = stem(context, term);
        if (stem.isEmpty()) {
            return Optional.empty();
        }
        String answer = context.surfaceOf(term);
        return Optional.of(new QuestionDraft(QuestionType.FILL_IN_BLANK, "Fill in the blank: " + stem.get(),
                List.of(), answer, context.quote() + " The missing term is \"" + answer + "\".", term.surface(),
                context.source()));
    }

    /** The sentence with the term blanked, if enough of it is left to point at the answer. */
    static Optional<String> stem(SentenceContext context, KeyTerm term) {
        String blanked = context.replace(term, SentenceContext.BLANK);
        if (!blanked.contains(SentenceContext.BLANK)
                || TextNormalizer.contentTokens(blanked).size() < MIN_CONTEXT_WORDS) {
            return Optional.empty();
        }
        return Optional.of(blanked);
    }
}
