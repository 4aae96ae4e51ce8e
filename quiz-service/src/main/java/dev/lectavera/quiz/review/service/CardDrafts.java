package dev.lectavera.quiz.review.service;

import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.review.fsrs.MemoryState;
import dev.lectavera.quiz.review.model.Card;
import dev.lectavera.quiz.review.model.CardOrigin;
import dev.lectavera.quiz.review.model.CardSource;
import dev.lectavera.quiz.text.TextNormalizer;

import java.time.Instant;
import java.util.UUID;

/** New cards from quiz questions, and the key that keeps one card per thing asked. */
final class CardDrafts {

    private CardDrafts() {
    }

    /**
     * The document and the prompt after normalisation (case, punctuation, articles, plurals): the same question missed
     * in two quizzes, or saved twice, is one card.
     */
    static String dedupeKey(UUID documentId, String prompt) {
        return documentId + ":" + TextNormalizer.normalizeLenient(prompt);
    }

    static Card fromQuestion(UUID userId, CardOrigin origin, Question question, String documentTitle, Instant now) {
        return new Card(UUID.randomUUID(), userId, origin, question.id(), question.type(), question.prompt(),
                question.options(), question.answer(), question.explanation(), question.topic(),
                new CardSource(question.documentId(), documentTitle, question.page(), question.passage(),
                        question.startOffset(), question.endOffset()),
                MemoryState.fresh(now), 0, 0, false, null, now);
    }

    static Card suspended(Card card, String reason) {
        return new Card(card.id(), card.userId(), card.origin(), card.questionId(), card.questionType(), card.prompt(),
                card.options(), card.answer(), card.explanation(), card.topic(), card.source(), card.memory(),
                card.reps(), card.lapses(), true, reason, card.createdAt());
    }

    /** A card as a question, so a typed answer is graded exactly as a quiz answer is. */
    static Question asQuestion(Card card) {
        return new Question(card.id(), null, 0, card.questionType(), card.prompt(), card.options(), card.answer(),
                card.explanation() == null ? "" : card.explanation(), card.topic(), card.source().documentId(),
                card.source().page(), card.source().passage(), card.source().startOffset(),
                card.source().endOffset());
    }
}
