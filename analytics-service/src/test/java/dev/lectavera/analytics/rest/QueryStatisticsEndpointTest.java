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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.query;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class QueryStatisticsEndpointTest extends EventDrivenTest {

    private static final String QUERIES = "/api/v1/analytics/queries";
    /** Sorted; n = 20, so p50 sits between ranks 9 and 10, p95 at 18.05 and p99 at 18.81. */
    private static final long[] LATENCIES = {100, 120, 130, 150, 160, 180, 200, 210, 250, 300,
            320, 350, 400, 450, 500, 600, 700, 800, 900, 1900};

    private final UUID student = UUID.randomUUID();

    QueryStatisticsEndpointTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    /**
     * 20 questions between 2 and 9 July 2024 (5 cache hits; 14 CORRECT, 4 AMBIGUOUS, 2 NOT_FOUND; 12 by
     * gpt-4o-mini with 100 + 50 tokens each, 8 offline), published in random order, plus one just
     * before 1 July and one at 00:00 on 11 July (UTC) to test the range ends.
     */
    @BeforeAll
    void publishTheQueryLog() {
        List<EventEnvelope<?>> events = new ArrayList<>();
        Instant start = Instant.parse("2024-07-02T12:00:00Z");
        for (int i = 0; i < LATENCIES.length; i++) {
            String verdict = i < 14 ? "CORRECT" : i < 18 ? "AMBIGUOUS" : "NOT_FOUND";
            boolean gpt = i % 5 != 0 && i % 5 != 3;   // 12 of 20
            events.add(query(student, start.plus(Duration.ofHours(8L * i)), LATENCIES[i], i % 4 == 0, verdict,
                    gpt ? "gpt-4o-mini" : "offline-extractive", gpt ? 100 : 0, gpt ? 50 : 0));
        }
        Collections.shuffle(events, new Random(7));
        events.add(query(student, Instant.parse("2024-06-30T23:00:00Z"), 5000, false, "AMBIGUOUS", "gpt-4o-mini", 10, 5));
        events.add(query(student, Instant.parse("2024-07-11T00:00:00Z"), 7000, true, "CORRECT", "gpt-4o-mini", 10, 5));
        kafka.publish(events);
        readModels.awaitProcessed(events);
    }

    @Test
    void percentilesAreExactOverTheRange() {
        getOk(student, QUERIES, Map.of("from", "2024-07-01", "to", "2024-07-10"))
                .body("from", equalTo("2024-07-01"))
                .body("questions", equalTo(20))
                .body("latencyMs.mean", closeTo(436.0, 1e-9))          // 8,720 / 20
                .body("latencyMs.p50", closeTo(310.0, 1e-6))           // 300 + 0.5 × (320 − 300)
                .body("latencyMs.p95", closeTo(950.0, 1e-6))           // 900 + 0.05 × (1900 − 900)
                .body("latencyMs.p99", closeTo(1710.0, 1e-6))          // 900 + 0.81 × (1900 − 900)
                .body("cacheHits", equalTo(5))
                .body("cacheHitRate", equalTo(0.25))
                .body("verdicts.CORRECT", equalTo(14))
                .body("verdicts.AMBIGUOUS", equalTo(4))
                .body("verdicts.NOT_FOUND", equalTo(2))
                .body("models.model", contains("gpt-4o-mini", "offline-extractive"))
                .body("models.questions", contains(12, 8))
                .body("models.promptTokens", contains(1200, 0))
                .body("models.completionTokens", contains(600, 0))
                .body("models.totalTokens", contains(1800, 0))
                .body("tokens.prompt", equalTo(1200))
                .body("tokens.completion", equalTo(600))
                .body("tokens.total", equalTo(1800));
    }

    @Test
    void withoutARangeEveryQuestionCounts() {
        getOk(student, QUERIES)
                .body("from", nullValue())
                .body("questions", equalTo(22))
                .body("cacheHits", equalTo(6))
                .body("verdicts.AMBIGUOUS", equalTo(5))
                .body("latencyMs.p50", closeTo(335.0, 1e-6));   // ranks 10 and 11 of 22: (320 + 350) / 2
    }

    @Test
    void rangeDaysFollowTheTimeZone() {
        // 23:00 UTC on 30 June is 08:00 on 1 July in Tokyo; 00:00 UTC on 11 July is still the 11th there.
        getOk(student, QUERIES, Map.of("from", "2024-07-01", "to", "2024-07-10", "tz", "Asia/Tokyo"))
                .body("questions", equalTo(21));
        getOk(student, QUERIES, Map.of("from", "2024-07-01", "to", "2024-07-11"))
                .body("questions", equalTo(21));
    }

    @Test
    void noQuestionsMeansNoPercentilesAndZeroVerdicts() {
        getOk(UUID.randomUUID(), QUERIES)
                .body("questions", equalTo(0))
                .body("latencyMs.p50", nullValue())
                .body("latencyMs.p99", nullValue())
                .body("cacheHitRate", nullValue())
                .body("verdicts.CORRECT", equalTo(0))
                .body("verdicts.AMBIGUOUS", equalTo(0))
                .body("verdicts.NOT_FOUND", equalTo(0))
                .body("models", empty());
    }

    @Test
    void fromAfterToIsABadRequest() {
        as(student).queryParams(Map.of("from", "2024-07-10", "to", "2024-07-01")).get(QUERIES).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
    }
}
