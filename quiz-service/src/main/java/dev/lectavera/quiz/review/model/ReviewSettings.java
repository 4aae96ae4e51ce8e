package dev.lectavera.quiz.review.model;

import java.time.ZoneId;

/** A user's review settings: the recall probability FSRS aims at, daily limits, and the zone their days are in. */
public record ReviewSettings(double desiredRetention, int newPerDay, int reviewsPerDay, ZoneId timeZone) {

    public static final double MIN_RETENTION = 0.70;
    public static final double MAX_RETENTION = 0.97;

    public static ReviewSettings defaults() {
        return new ReviewSettings(0.90, 20, 200, ZoneId.of("UTC"));
    }
}
