package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A graded quiz attempt, with one outcome per question for per-topic and per-document figures. */
public record QuizCompleted(
        UUID attemptId,
        UUID quizId,
        UUID userId,
        double score,
        double maxScore,
        long durationSeconds,
        Instant completedAt,
        List<QuestionOutcome> outcomes) {

    /** @param topic the key term or heading the question was drawn from */
    public record QuestionOutcome(UUID questionId, UUID documentId, int page, String topic, boolean correct) {
    }
}
