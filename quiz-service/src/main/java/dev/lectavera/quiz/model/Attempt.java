package dev.lectavera.quiz.model;

import java.time.Instant;
import java.util.UUID;

/** A graded attempt (row of {@code attempt}). */
public record Attempt(UUID id, UUID quizId, UUID userId, double score, double maxScore, int timeSpentSeconds,
                      Instant completedAt) {
}
