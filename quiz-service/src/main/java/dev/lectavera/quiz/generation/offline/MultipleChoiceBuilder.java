package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Multiple choice: the cloze stem, the key term and three distractors of the same kind from the documents' other key
 * terms. A distractor that would turn the stem into a sentence the documents actually contain is refused (it would
 * be a second right answer), as is one already in the sentence. The answer's position follows from a hash of the
 * sentence and term: stable, yet not always first.
 */
public final class MultipleChoiceBuilder {

    static final int DISTRACTORS = 3;

    private MultipleChoiceBuilder() {
    }

    public static Optional<QuestionDraft> build(SentenceContext context, KeyTerm term) {
        Optional<String> stem = ClozeBuilder.stem(context, term);
        if (stem.isEmpty()) {
            return Optional.empty();
        }
        String normalizedSentence = TextNormalizer.normalize(context.text());
        List<KeyTerm> distractors = context.picker().pick(term, context.page().documentId(), context.difficulty(),
                DISTRACTORS, candidate -> !TextNormalizer.containsTokens(normalizedSentence,
                        TextNormalizer.normalize(candidate.surface()))
                                && !context.isKnownSentence(context.replace(term, candidate.surface())));
        if (distractors.size() < DISTRACTORS) {
            return Optional.empty();
        }
        String answer = context.surfaceOf(term);
        int answerSlot = Math.floorMod((context.text() + "|" + term.key()).hashCode(), DISTRACTORS + 1);
        List<String> options = new ArrayList<>(DISTRACTORS + 1);
        for (KeyTerm distractor : distractors) {
            options.add(distractor.surface());
        }
        options.add(answerSlot, answer);
        return Optional.of(new QuestionDraft(QuestionType.MULTIPLE_CHOICE,
                "Which option completes the sentence? " + stem.get(), options, answer,
                context.quote() + " The missing term is \"" + answer + "\".", term.surface(), context.source()));
    }
}
