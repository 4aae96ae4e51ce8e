package dev.lectavera.quiz.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * A quiz in the list, with the caller's best attempt.
 *
 * @param bestScore   the best attempt's score (by percentage; the earliest of equals), null before any attempt
 * @param bestPercent bestScore / bestMaxScore · 100, rounded to one decimal
 */
public record QuizSummaryView(UUID id, String title, String difficulty, int questionCount, String generator,
                              boolean sourceDeleted, Instant createdAt, int attemptCount, Double bestScore,
                              Double bestMaxScore, Double bestPercent) {
}
