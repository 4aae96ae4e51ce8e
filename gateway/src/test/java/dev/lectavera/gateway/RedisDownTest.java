package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The gateway's Redis points at a dead port (the shared Redis keeps running for everyone else): limits
 * go on in memory, tokens are accepted without the revocation check, nothing answers 5xx.
 */
@QuarkusTest
@TestProfile(RedisDownTest.DeadRedis.class)
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class RedisDownTest {

    public static class DeadRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    Tokens tokens;

    @Test
    void limitsAreStillEnforcedInMemoryWithTheSameNumbers() {
        String bearer = tokens.issue().bearer();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", bearer).body("{}").post("/api/v1/documents/search")
                    .then().statusCode(200)
                    .header("X-RateLimit-Limit", "3")
                    .header("X-RateLimit-Remaining", String.valueOf(2 - i));
        }
        given().header("Authorization", bearer).body("{}").post("/api/v1/documents/search")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("X-RateLimit-Remaining", "0");
    }

    @Test
    void anonymousAuthRoutesAreLimitedInMemoryToo() {
        String ip = TestClients.randomIp();
        String body = "{\"email\":\"down@example.test\",\"password\":\"pw\"}";
        for (int i = 0; i < 2; i++) {
            given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body(body)
                    .post("/api/v1/auth/login").then().statusCode(200).body("body", equalTo(body));
        }
        given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body(body)
                .post("/api/v1/auth/login").then().statusCode(429);
    }

    @Test
    void noRequestFailsBecauseRedisIsDown() {
        Tokens.Issued user = tokens.issue();
        for (int i = 0; i < 20; i++) {
            given().header("Authorization", user.bearer()).get("/api/v1/quiz/quizzes")
                    .then().statusCode(lessThan(500));
        }
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).body("{}").post("/api/v1/auth/refresh")
                .then().statusCode(200);
    }

    @Test
    void revokedTokensCannotBeRecognisedAndAreAccepted() throws Exception {
        Tokens.Issued user = tokens.issue();
        // Revoked in the real Redis, which this gateway cannot reach: by design the token lives until it expires.
        Vertx vertx = Vertx.vertx();
        try {
            Redis.createClient(vertx, "redis://127.0.0.1:6379")
                    .send(Request.cmd(Command.SETEX).arg("lv:revoked:" + user.tokenId()).arg(60).arg("1"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        given().header("Authorization", user.bearer()).get("/api/v1/analytics/overview").then().statusCode(200);
    }

    @Test
    void rateLimitStatusComesFromMemory() {
        String bearer = tokens.issue().bearer();
        given().header("Authorization", bearer).body("{}").post("/api/v1/documents").then().statusCode(200);
        Response status = given().header("Authorization", bearer).get("/api/v1/users/rate-limit-status");
        status.then().statusCode(200)
                .body("source", equalTo("memory"))
                .body("classes.find { it.name == 'upload' }.remaining", equalTo(1));
    }

    @Test
    void readinessStaysUp() {
        Management.management().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.status", equalTo("UP"));
    }
}
