package dev.lectavera.analytics.rest;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.chat;
import static dev.lectavera.analytics.support.TestEvents.query;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class ActivityEndpointTest extends EventDrivenTest {

    private static final String ACTIVITY = "/api/v1/analytics/activity";

    /** One user's week of May 2024 (Mon 6th to Mon 13th), read by several tests, never written. */
    private final UUID student = UUID.randomUUID();

    ActivityEndpointTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @BeforeAll
    void publishTheWeek() {
        List<EventEnvelope<?>> events = List.of(
                query(student, Instant.parse("2024-05-06T10:00:00Z")),
                query(student, Instant.parse("2024-05-06T11:00:00Z")),
                quiz(student, Instant.parse("2024-05-07T12:00:00Z"), 5, 10, 600),
                query(student, Instant.parse("2024-05-08T09:00:00Z")),
                chat(student, UUID.randomUUID(), 8, Instant.parse("2024-05-08T09:00:00Z"), Duration.ofMinutes(45)),
                quiz(student, Instant.parse("2024-05-12T12:00:00Z"), 5, 10, 90),
                query(student, Instant.parse("2024-05-13T23:30:00Z")));
        kafka.publish(events);
        readModels.awaitProcessed(events);
    }

    @Test
    void daysAreZeroFilled() {
        getOk(student, ACTIVITY, Map.of("from", "2024-05-06", "to", "2024-05-14"))
                .body("from", equalTo("2024-05-06"))
                .body("to", equalTo("2024-05-14"))
                .body("granularity", equalTo("day"))
                .body("series.periodStart", contains("2024-05-06", "2024-05-07", "2024-05-08", "2024-05-09",
                        "2024-05-10", "2024-05-11", "2024-05-12", "2024-05-13", "2024-05-14"))
                .body("series.questionsAsked", contains(2, 0, 1, 0, 0, 0, 0, 1, 0))
                .body("series.quizzesTaken", contains(0, 1, 0, 0, 0, 0, 1, 0, 0))
                .body("series.minutesStudied", contains(0, 10, 45, 0, 0, 0, 1, 0, 0));
    }

    @Test
    void weeksStartOnMondayAndCountOnlyDaysInsideTheRange() {
        // Wednesday 8th to Monday 13th: the week of the 6th counts the 8th..12th only.
        getOk(student, ACTIVITY, Map.of("from", "2024-05-08", "to", "2024-05-13", "granularity", "week"))
                .body("granularity", equalTo("week"))
                .body("series.periodStart", contains("2024-05-06", "2024-05-13"))
                .body("series.questionsAsked", contains(1, 1))
                .body("series.quizzesTaken", contains(1, 0))
                // 2,700 s of chat + 90 s of quiz = 2,790 s = 46.5 min, whole minutes rounded down
                .body("series.minutesStudied", contains(46, 0));
    }

    @Test
    void daysFollowTheRequestedTimeZone() {
        // 23:30 UTC on the 13th is the morning of the 14th in Tokyo.
        getOk(student, ACTIVITY, Map.of("from", "2024-05-13", "to", "2024-05-14", "tz", "Asia/Tokyo"))
                .body("timezone", equalTo("Asia/Tokyo"))
                .body("series.questionsAsked", contains(0, 1));
        getOk(student, ACTIVITY, Map.of("from", "2024-05-13", "to", "2024-05-14"))
                .body("series.questionsAsked", contains(1, 0));
    }

    @Test
    void withoutARangeTheLastThirtyDaysUpToTodayAreShown() {
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        var response = getOk(UUID.randomUUID(), ACTIVITY).extract().jsonPath();
        LocalDate to = LocalDate.parse(response.getString("to"));
        org.hamcrest.MatcherAssert.assertThat(to, anyOf(equalTo(before), equalTo(before.plusDays(1))));
        org.hamcrest.MatcherAssert.assertThat(response.getList("series"), hasSize(30));
        org.hamcrest.MatcherAssert.assertThat(response.getString("from"), equalTo(to.minusDays(29).toString()));
        org.hamcrest.MatcherAssert.assertThat(response.getString("series[29].periodStart"), equalTo(to.toString()));
    }

    @Test
    void aFullLeapYearIsTheLongestRange() {
        getOk(student, ACTIVITY, Map.of("from", "2024-01-01", "to", "2024-12-31"))
                .body("series", hasSize(366));
    }

    @Test
    void badParametersAreBadRequestsNamingTheParameter() {
        Map<String, Map<String, String>> cases = Map.of(
                "from", Map.of("from", "2024-05-10", "to", "2024-05-09"),
                "to", Map.of("from", "2024-01-01", "to", "2025-01-01"),   // 367 days
                "granularity", Map.of("granularity", "month"),
                "tz", Map.of("tz", "Nowhere/Land"));
        cases.forEach((field, params) -> as(student).queryParams(params).get(ACTIVITY).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo(field)));
        as(student).queryParam("from", "2024-13-01").get(ACTIVITY).then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        as(student).queryParam("to", "yesterday").get(ACTIVITY).then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
    }
}
