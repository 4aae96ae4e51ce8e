package dev.lectavera.quiz.review.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The caller's review statistics, days in their time zone.
 *
 * @param reviewsPerDay    the last 30 days with reviews: reviews and how many were Again
 * @param trueRetention    of the last 30 days' reviews of cards on day intervals, the share not rated Again; null
 *                         before any
 * @param retentionReviews the reviews trueRetention is computed from
 * @param forecast         cards due on each of the next 30 days (overdue ones on today)
 * @param cardsByState     new, learning, review, relearning, suspended
 */
public record StatsView(LocalDate today, List<DayReviewsView> reviewsPerDay, Double trueRetention,
                        long retentionReviews, double desiredRetention, List<DayCountView> forecast,
                        Map<String, Long> cardsByState) {

    public record DayReviewsView(LocalDate day, int reviews, int again) {
    }

    public record DayCountView(LocalDate day, int due) {
    }
}
