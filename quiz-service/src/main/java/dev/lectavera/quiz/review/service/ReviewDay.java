package dev.lectavera.quiz.review.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The user's current day in their time zone: daily limits and "due today" follow it. */
record ReviewDay(LocalDate date, Instant start, Instant end) {

    static ReviewDay of(Instant now, ZoneId zone) {
        LocalDate date = now.atZone(zone).toLocalDate();
        return new ReviewDay(date, date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
