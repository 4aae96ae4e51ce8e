package dev.lectavera.analytics.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Quiz results of one user: per attempt, per document, per topic, and the weakest topics. */
public record QuizPerformance(
        List<AttemptScore> scoresOverTime,
        List<DocumentPerformance> perDocument,
        List<TopicPerformance> perTopic,
        List<WeakTopic> weakestTopics,
        int weakTopicMinAnswers) {

    public record AttemptScore(UUID attemptId, UUID quizId, Instant completedAt, double score, double maxScore,
                               Double percent, long durationSeconds) {
    }

    /** {@code deleted}: the document has since been deleted (its figures stay, it is no longer suggested). */
    public record DocumentPerformance(UUID documentId, String title, boolean deleted, long attempts, long questions,
                                      long correct, double averagePercent) {
    }

    public record TopicPerformance(String topic, long correct, long total, double accuracyPercent) {
    }

    public record WeakTopic(String topic, long correct, long total, double accuracyPercent, List<Review> review) {
    }

    /** Where the missed questions of a weak topic came from: a document and its pages. */
    public record Review(UUID documentId, String title, long missed, List<Integer> pages) {
    }
}
