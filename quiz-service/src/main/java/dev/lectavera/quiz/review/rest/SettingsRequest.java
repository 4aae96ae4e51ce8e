package dev.lectavera.quiz.review.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Review settings to change; a field left out keeps its value.
 *
 * @param desiredRetention the recall probability FSRS schedules for, 0.70 to 0.97
 * @param timeZone         an IANA zone (Europe/Berlin): where the student's days begin
 */
public record SettingsRequest(
        @DecimalMin("0.70") @DecimalMax("0.97") Double desiredRetention,
        @Min(0) @Max(1000) Integer newPerDay,
        @Min(0) @Max(10_000) Integer reviewsPerDay,
        @Size(min = 1, max = 64) String timeZone) {
}
