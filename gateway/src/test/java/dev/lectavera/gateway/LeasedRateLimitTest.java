package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The default class with a limit large enough to be leased (60 per hour: leases of up to 3 cells, one interval is a
 * minute, so no cell refills during a test): it still trips exactly at its limit, with exact headers and status,
 * under concurrency too, and an idle lease's unspent cells go back to Redis.
 */
@QuarkusTest
@TestProfile(LeasedRateLimitTest.Leased.class)
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class LeasedRateLimitTest {

    private static final int LIMIT = 60;

    public static class Leased implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.default.limit", String.valueOf(LIMIT),
                    "gateway.rate-limit.default.period", "1h",
                    "gateway.rate-limit.lease.ttl", "1s");
        }
    }

    Tokens tokens;

    private TestRedis redis;

    @BeforeEach
    void connect() {
        redis = new TestRedis();
    }

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void aLeasedClassTripsExactlyAtItsLimitWithExactRemaining() {
        String bearer = tokens.issue().bearer();
        for (int i = 1; i <= LIMIT; i++) {
            given().header("Authorization", bearer).get("/api/v1/documents").then().statusCode(200)
                    .header("X-RateLimit-Limit", String.valueOf(LIMIT))
                    .header("X-RateLimit-Remaining", String.valueOf(LIMIT - i))
                    .header("X-RateLimit-Reset", notNullValue());
        }
        Response refused = given().header("Authorization", bearer).get("/api/v1/documents");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("X-RateLimit-Remaining", "0");
        assertThat(Integer.parseInt(refused.header("Retry-After")), greaterThan(0));
        assertThat(Integer.parseInt(refused.header("Retry-After")), lessThanOrEqualTo(60));
    }

    @Test
    void concurrentRequestsOfOneCallerNeverPassMoreThanTheLimit() throws Exception {
        String bearer = tokens.issue().bearer();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < LIMIT + 40; i++) {
                statuses.add(clients.submit(() -> given().header("Authorization", bearer).get("/api/v1/documents").statusCode()));
            }
            int passed = 0;
            int refused = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get(30, TimeUnit.SECONDS);
                passed += code == 200 ? 1 : 0;
                refused += code == 429 ? 1 : 0;
            }
            assertEquals(LIMIT, passed, "exactly the limit, however the requests interleave");
            assertEquals(40, refused);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theStatusCountsCellsLeasedButNotSpentAsTheCallers() {
        Tokens.Issued user = tokens.issue();
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", user.bearer()).get("/api/v1/documents").then().statusCode(200);
        }
        given().header("Authorization", user.bearer()).get("/api/v1/users/rate-limit-status").then().statusCode(200)
                .header("X-RateLimit-Remaining", String.valueOf(LIMIT - 5))
                .body("classes.find { it.name == 'default' }.remaining", equalTo(LIMIT - 5));
    }

    @Test
    void anIdleLeasesUnspentCellsGoBackToTheBucket() throws Exception {
        Tokens.Issued user = tokens.issue();
        given().header("Authorization", user.bearer()).get("/api/v1/documents").then().statusCode(200);
        String key = "lv:rl:default:u:" + user.subject();
        // One request spent, a lease of several cells taken: the bucket is charged more than one interval (60 s).
        assertThat(millisCharged(key), greaterThan(61_000L));
        await("the unspent cells given back").atMost(Duration.ofSeconds(10))
                .until(() -> millisCharged(key) <= 60_000L);
        given().header("Authorization", user.bearer()).get("/api/v1/users/rate-limit-status").then().statusCode(200)
                .body("classes.find { it.name == 'default' }.remaining", equalTo(LIMIT - 2));
    }

    /** How far ahead the bucket's TAT is (its key expires when the bucket is full again). */
    private long millisCharged(String key) throws Exception {
        return redis.send(Request.cmd(Command.PTTL).arg(key)).toLong();
    }
}
