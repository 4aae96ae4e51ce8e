package dev.lectavera.quiz.review.model;

import dev.lectavera.quiz.review.fsrs.CardState;
import dev.lectavera.quiz.review.fsrs.Rating;

import java.time.Instant;
import java.util.UUID;

/** One review as logged (row of {@code review_log}): enough to fit FSRS weights to the student later. */
public record ReviewLogEntry(UUID cardId, UUID userId, Rating rating, Instant reviewedAt, Integer elapsedDays,
                             int scheduledDays, CardState stateBefore, CardState stateAfter, Double stabilityBefore,
                             double stabilityAfter, Double difficultyBefore, double difficultyAfter,
                             double retrievability, String typedAnswer, Boolean answerCorrect) {
}
