package dev.lectavera.quiz.review.rest;

/** The caller's review settings. */
public record SettingsView(double desiredRetention, int newPerDay, int reviewsPerDay, String timeZone) {
}
