package dev.lectavera.analytics.rest;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.chat;
import static dev.lectavera.analytics.support.TestEvents.documentDeleted;
import static dev.lectavera.analytics.support.TestEvents.indexed;
import static dev.lectavera.analytics.support.TestEvents.query;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static dev.lectavera.analytics.support.TestEvents.registered;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class OverviewEndpointTest extends EventDrivenTest {

    OverviewEndpointTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void totalsScoresMinutesAndStreaksAreExact() {
        UUID user = UUID.randomUUID();
        UUID algebra = UUID.randomUUID();
        UUID biology = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        List<EventEnvelope<?>> events = List.of(
                registered(user, at("2024-03-01T09:00:00Z")),
                indexed(user, algebra, "Algebra", 12, 1, at("2024-03-01T10:00:00Z")),
                indexed(user, algebra, "Algebra", 14, 2, at("2024-03-02T10:00:00Z")),  // re-indexed: 14 pages now
                indexed(user, biology, "Biology", 30, 1, at("2024-03-02T11:00:00Z")),
                indexed(user, dropped, "Dropped", 5, 1, at("2024-03-02T12:00:00Z")),
                documentDeleted(user, dropped, at("2024-03-03T12:00:00Z")),
                chat(user, UUID.randomUUID(), 6, at("2024-03-04T10:00:00Z"), Duration.ofMinutes(25)),
                chat(user, UUID.randomUUID(), 4, at("2024-03-05T08:00:00Z"), Duration.ofSeconds(630)),
                // left open for two days: counts as the 3-hour cap (10,800 s)
                chat(user, UUID.randomUUID(), 2, at("2024-03-06T12:00:00Z"), Duration.ofDays(2)),
                query(user, at("2024-03-04T10:05:00Z")),
                query(user, at("2024-03-05T08:05:00Z")),
                query(user, at("2024-03-06T12:10:00Z")),
                query(user, at("2024-03-08T23:30:00Z")),
                quiz(user, at("2024-03-07T18:00:00Z"), 8, 10, 300),
                quiz(user, at("2024-03-09T18:00:00Z"), 6, 10, 420),
                quiz(user, at("2024-03-10T18:00:00Z"), 7, 8, 90));
        kafka.publish(events);
        readModels.awaitProcessed(events);

        getOk(user, "/api/v1/analytics/overview")
                .body("documentsIndexed", equalTo(2))
                .body("pagesIndexed", equalTo(44))
                .body("chatSessions", equalTo(3))
                .body("chatMessages", equalTo(12))
                .body("questionsAsked", equalTo(4))
                .body("quizzesTaken", equalTo(3))
                .body("averageScore", equalTo(75.83))   // (80 + 60 + 87.5) / 3
                .body("bestScore", equalTo(87.5))
                // chat 1500 + 630 + 10800 s, quizzes 300 + 420 + 90 s = 13,740 s
                .body("minutesStudied", equalTo(229))
                // UTC days 4..10 March, all active (the 23:30 question makes the 8th)
                .body("longestStreakDays", equalTo(7))
                .body("currentStreakDays", equalTo(0))
                .body("timezone", equalTo("UTC"));
    }

    @Test
    void streakDaysFollowTheRequestedTimeZone() {
        UUID user = UUID.randomUUID();
        List<EventEnvelope<?>> events = List.of(
                query(user, at("2024-03-04T10:00:00Z")),   // Tokyo: 4th
                query(user, at("2024-03-05T08:00:00Z")),   // 5th
                query(user, at("2024-03-06T12:00:00Z")),   // 6th
                quiz(user, at("2024-03-07T18:00:00Z"), 1, 1, 60), // Tokyo: 8th, 03:00
                query(user, at("2024-03-08T23:30:00Z")),   // Tokyo: 9th
                quiz(user, at("2024-03-09T18:00:00Z"), 1, 1, 60), // Tokyo: 10th
                quiz(user, at("2024-03-10T18:00:00Z"), 1, 1, 60)); // Tokyo: 11th
        kafka.publish(events);
        readModels.awaitProcessed(events);

        getOk(user, "/api/v1/analytics/overview").body("longestStreakDays", equalTo(7));
        getOk(user, "/api/v1/analytics/overview", Map.of("tz", "Asia/Tokyo"))
                .body("longestStreakDays", equalTo(4))
                .body("timezone", equalTo("Asia/Tokyo"));
    }

    @Test
    void currentStreakCountsBackFromToday() {
        UUID user = UUID.randomUUID();
        Instant now = Instant.now();
        // An older 4-day run, a gap, then the last three days up to today (UTC).
        List<EventEnvelope<?>> events = List.of(
                query(user, now.minus(10, ChronoUnit.DAYS)),
                query(user, now.minus(9, ChronoUnit.DAYS)),
                quiz(user, now.minus(8, ChronoUnit.DAYS), 3, 4, 60),
                chat(user, UUID.randomUUID(), 2, now.minus(7, ChronoUnit.DAYS), Duration.ofMinutes(5)),
                query(user, now.minus(2, ChronoUnit.DAYS)),
                query(user, now.minus(1, ChronoUnit.DAYS)),
                query(user, now));
        kafka.publish(events);
        readModels.awaitProcessed(events);

        // Robust at midnight: if "today" has just turned, yesterday's activity still carries the streak.
        getOk(user, "/api/v1/analytics/overview")
                .body("currentStreakDays", equalTo(3))
                .body("longestStreakDays", equalTo(4))
                .body("today", anyOf(equalTo(LocalDate.ofInstant(now, ZoneOffset.UTC).toString()),
                        equalTo(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).toString())));
    }

    @Test
    void aUserWithoutEventsHasZerosAndNoScores() {
        getOk(UUID.randomUUID(), "/api/v1/analytics/overview")
                .body("documentsIndexed", equalTo(0))
                .body("pagesIndexed", equalTo(0))
                .body("chatSessions", equalTo(0))
                .body("questionsAsked", equalTo(0))
                .body("quizzesTaken", equalTo(0))
                .body("averageScore", nullValue())
                .body("bestScore", nullValue())
                .body("minutesStudied", equalTo(0))
                .body("currentStreakDays", equalTo(0))
                .body("longestStreakDays", equalTo(0));
    }

    @Test
    void anUnknownOrOffsetTimeZoneIsABadRequest() {
        for (String tz : List.of("Mars/Olympus_Mons", "+02:00", "UTC+2", "europe/paris")) {
            as(UUID.randomUUID()).queryParam("tz", tz).get("/api/v1/analytics/overview").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("tz"))
                    .body("violations[0].in", equalTo("query"));
        }
    }
}
