package dev.lectavera.analytics.rest;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.cardSuspended;
import static dev.lectavera.analytics.support.TestEvents.review;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The review section from ReviewCompleted and CardSuspended events, applied once, at a fixed "now". */
@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class ReviewStatisticsEndpointTest extends EventDrivenTest {

    private static final String REVIEW = "/api/v1/analytics/review";
    private static final Instant NOW = Instant.parse("2024-06-10T12:00:00Z");
    private static final double DECAY = 0.1542;
    private static final double FACTOR = Math.pow(0.9, -1 / DECAY) - 1;

    ReviewStatisticsEndpointTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(Clock.fixed(NOW, ZoneOffset.UTC), Clock.class);
    }

    private static double recall(double days, double stability) {
        return Math.pow(1 + FACTOR * days / stability, -DECAY);
    }

    @Test
    void reviewsRetentionForecastAndMasteryComeFromTheEventsOnce() {
        UUID user = UUID.randomUUID();
        UUID entropyCard = UUID.randomUUID();
        UUID enthalpyCard = UUID.randomUUID();
        EventEnvelope<?> last = review(user, entropyCard, "entropy", "good", "review", 10.0,
                Instant.parse("2024-06-03T12:00:00Z"), Instant.parse("2024-06-13T12:00:00Z"));
        List<EventEnvelope<?>> events = List.of(
                review(user, entropyCard, "entropy", "good", "new", 2.3065, Instant.parse("2024-06-01T10:00:00Z"),
                        Instant.parse("2024-06-01T10:10:00Z")),
                last,
                review(user, entropyCard, "entropy", "good", "learning", 2.3065,
                        Instant.parse("2024-06-01T10:10:00Z"), Instant.parse("2024-06-03T10:10:00Z")),
                review(user, enthalpyCard, "enthalpy", "easy", "new", 8.2956, Instant.parse("2024-06-05T09:00:00Z"),
                        Instant.parse("2024-06-13T09:00:00Z")),
                review(user, enthalpyCard, "enthalpy", "again", "review", 2.0, Instant.parse("2024-06-09T10:00:00Z"),
                        Instant.parse("2024-06-09T10:10:00Z")),
                last);   // redelivered: applied once
        kafka.publish(events);
        readModels.awaitProcessed(events.stream().distinct().toList());

        getOk(user, REVIEW)
                .body("reviewsTotal", equalTo(5))
                .body("cardsReviewed", equalTo(2))
                .body("dueNow", equalTo(1))
                .body("reviewsPerDay.day", contains("2024-06-01", "2024-06-03", "2024-06-05", "2024-06-09"))
                .body("reviewsPerDay.reviews", contains(2, 1, 1, 1))
                .body("reviewsPerDay.again", contains(0, 0, 0, 1))
                // of the two reviews of cards on day intervals, one passed
                .body("trueRetention", equalTo(50.0))
                .body("retentionReviews", equalTo(2))
                .body("dueForecast.size()", equalTo(30))
                .body("dueForecast[0].day", equalTo("2024-06-10"))
                .body("dueForecast[0].due", equalTo(1))    // the overdue relearning card counts on today
                .body("dueForecast[3].due", equalTo(1))    // the entropy card on 06-13
                .body("dueForecast.due.sum()", equalTo(2))
                // the weakest first: entropy (7 days at S = 10: t/S = 0.7), then enthalpy (1 whole day at S = 2: 0.5)
                .body("masteryByTopic.topic", contains("entropy", "enthalpy"))
                .body("masteryByTopic[0].mastery", closeTo(recall(7, 10.0), 1e-9))
                .body("masteryByTopic[1].mastery", closeTo(recall(1, 2.0), 1e-9));

        getOk(user, "/api/v1/analytics/overview")
                .body("review.reviewsTotal", equalTo(5))
                .body("review.dueNow", equalTo(1))
                .body("review.trueRetention", equalTo(50.0));

        // the student suspends the enthalpy card: out of the forecast and the mastery
        List<EventEnvelope<?>> suspension = List.of(cardSuspended(user, enthalpyCard, true,
                Instant.parse("2024-06-10T11:00:00Z")));
        kafka.publish(suspension);
        readModels.awaitProcessed(suspension);
        getOk(user, REVIEW)
                .body("cardsReviewed", equalTo(1))
                .body("dueForecast[0].due", equalTo(0))
                .body("masteryByTopic.topic", contains("entropy"))
                .body("reviewsTotal", equalTo(5));
    }

    @Test
    void aUserWithoutReviewsHasZerosAndNoRetention() {
        getOk(UUID.randomUUID(), REVIEW, Map.of("tz", "Europe/Paris"))
                .body("reviewsTotal", equalTo(0))
                .body("trueRetention", nullValue())
                .body("timezone", equalTo("Europe/Paris"))
                .body("dueForecast.size()", equalTo(30));
        as(UUID.randomUUID()).get(REVIEW + "?tz=Not/AZone").then().statusCode(400);
    }
}
