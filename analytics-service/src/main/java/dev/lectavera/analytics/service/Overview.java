package dev.lectavera.analytics.service;

import java.time.LocalDate;

/**
 * A user's all-time figures (definitions in README.md).
 *
 * @param averageScore mean of the attempts' score/maxScore in percent (2 decimals); null without attempts
 * @param bestScore    the best attempt in percent; null without attempts
 * @param today        the local date the current streak was measured against, in {@code timezone}
 * @param review       spaced review: reviews, cards, cards due now, true retention (GET /api/v1/analytics/review has
 *                     the rest)
 */
public record Overview(
        long documentsIndexed,
        long pagesIndexed,
        long chatSessions,
        long chatMessages,
        long questionsAsked,
        long quizzesTaken,
        Double averageScore,
        Double bestScore,
        long minutesStudied,
        int currentStreakDays,
        int longestStreakDays,
        String timezone,
        LocalDate today,
        ReviewStatistics.Summary review) {
}
