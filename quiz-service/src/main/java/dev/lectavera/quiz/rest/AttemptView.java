package dev.lectavera.quiz.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A graded attempt: score out of maxScore (one point per question) and the result of every question. */
public record AttemptView(UUID id, UUID quizId, double score, double maxScore, double percent, int timeSpentSeconds,
                          Instant completedAt, List<QuestionResultView> results) {
}
