package dev.lectavera.analytics.service;

import java.time.LocalDate;
import java.util.List;

/** Activity per period of [from, to] (local days in {@code timezone}), zero-filled. */
public record ActivitySeries(LocalDate from, LocalDate to, String granularity, String timezone,
                             List<ActivityPoint> series) {

    public record ActivityPoint(LocalDate periodStart, long questionsAsked, long quizzesTaken, long minutesStudied) {
    }
}
