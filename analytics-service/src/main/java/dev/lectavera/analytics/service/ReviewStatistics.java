package dev.lectavera.analytics.service;

import dev.lectavera.analytics.repository.ReviewQueries.DayDue;
import dev.lectavera.analytics.repository.ReviewQueries.DayReviews;
import dev.lectavera.analytics.repository.ReviewQueries.TopicMastery;

import java.time.LocalDate;
import java.util.List;

/**
 * A user's spaced review, from quiz-service's ReviewCompleted events (definitions in README.md).
 *
 * @param reviewsTotal     every review ever
 * @param cardsReviewed    cards reviewed at least once and not suspended
 * @param dueNow           of those, due now
 * @param reviewsPerDay    the last 30 days with reviews
 * @param trueRetention    of the last 30 days' reviews of cards on day intervals, the share not rated Again, in
 *                         percent (2 decimals); null without such reviews
 * @param retentionReviews the reviews trueRetention is computed from
 * @param dueForecast      the next 30 days, zero-filled (overdue cards count on today)
 * @param masteryByTopic   per topic, the average predicted recall of its cards now (0-1), weakest first
 */
public record ReviewStatistics(long reviewsTotal, long cardsReviewed, long dueNow, List<DayReviews> reviewsPerDay,
                               Double trueRetention, long retentionReviews, List<DayDue> dueForecast,
                               List<TopicMastery> masteryByTopic, String timezone, LocalDate today) {

    /** The review figures the overview carries. */
    public record Summary(long reviewsTotal, long cardsReviewed, long dueNow, Double trueRetention) {
    }

    public Summary summary() {
        return new Summary(reviewsTotal, cardsReviewed, dueNow, trueRetention);
    }
}
