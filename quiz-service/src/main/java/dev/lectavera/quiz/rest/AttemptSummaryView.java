package dev.lectavera.quiz.rest;

import java.time.Instant;
import java.util.UUID;

/** An attempt in the list. */
public record AttemptSummaryView(UUID id, double score, double maxScore, double percent, int timeSpentSeconds,
                                 Instant completedAt) {
}
