package dev.lectavera.gateway;

import dev.lectavera.contracts.revocation.RevocationKeys;
import dev.lectavera.contracts.revocation.RevocationNotice;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** JWT at the edge, the revocation list, the forgeable user-id header, public routes, request ids, CORS. */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class EdgeSecurityTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    /** Pub/sub delivery to the gateway's revocation mirror: well under a second; generous for a busy machine. */
    private static final Duration NOTICE_DELIVERY = Duration.ofSeconds(5);

    Tokens tokens;

    @Inject
    RedisDataSource redis;

    private void publish(RevocationNotice notice) {
        redis.pubsub(String.class).publish(RevocationKeys.CHANNEL, notice.toJson());
    }

    @Test
    void aValidTokenPassesWithItsTokenAndNoUserIdHeaderNotEvenTheForgedOne() {
        Tokens.Issued user = tokens.issue();

        given().header("Authorization", user.bearer())
                .header("X-LectaVera-User-Id", "someone-else")
                .get("/api/v1/quiz/quizzes")
                .then().statusCode(200)
                .body("headers.x-lectavera-user-id", nullValue())
                .body("headers.authorization", equalTo(user.bearer()));
    }

    @Test
    void aMissingTokenIsRefusedWithABearerChallenge() {
        given().get("/api/v1/documents")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("detail", equalTo("missing bearer token"))
                .body("instance", equalTo("/api/v1/documents"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/documents").then().statusCode(401);
    }

    @Test
    void badTokensAreRefused() {
        Map<String, String> badTokens = Map.of(
                "expired", tokens.expired(),
                "tampered", tokens.tampered(),
                "alg none", tokens.algNone(),
                "HS256 with the public key as secret", tokens.hs256WithPublicKeyAsSecret(),
                "wrong issuer", tokens.wrongIssuer(),
                "signed by another key", tokens.signedByAnotherKey(),
                "no audience", tokens.withAudience(null),
                "another audience", tokens.withAudience("another-api"),
                "junk", "not.a.token",
                "two parts", "abc.def");
        badTokens.forEach((kind, token) -> given().header("Authorization", "Bearer " + token)
                .header("X-LectaVera-User-Id", "someone-else")
                .get("/api/v1/study/sessions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("status", equalTo(401)));
    }

    @Test
    void theRefusalSaysWhatIsWrongWithTheToken() {
        given().header("Authorization", "Bearer " + tokens.expired()).get("/api/v1/quiz/quizzes")
                .then().statusCode(401).body("detail", equalTo("token expired"));
        given().header("Authorization", "Bearer " + tokens.algNone()).get("/api/v1/quiz/quizzes")
                .then().statusCode(401).body("detail", equalTo("token algorithm must be RS256"));
        given().header("Authorization", "Bearer " + tokens.wrongIssuer()).get("/api/v1/quiz/quizzes")
                .then().statusCode(401).body("detail", equalTo("token not issued by the expected issuer"));
        given().header("Authorization", "Bearer " + tokens.withAudience(null)).get("/api/v1/quiz/quizzes")
                .then().statusCode(401).body("detail", equalTo("token not meant for this API (audience)"));
    }

    @Test
    void aRevokedTokenIsRefusedWhileAnotherTokenOfTheSameUserStillPasses() {
        Tokens.Issued user = tokens.issue();
        given().header("Authorization", user.bearer()).get("/api/v1/analytics/overview").then().statusCode(200);

        // What auth-service writes on a logout: the key, then the notice that reaches the gateway's mirror.
        redis.value(String.class).setex("lv:revoked:" + user.tokenId(), 60, "1");
        publish(RevocationNotice.token(user.subject(), user.tokenId()));

        await().atMost(NOTICE_DELIVERY).untilAsserted(() -> given().header("Authorization", user.bearer())
                .get("/api/v1/analytics/overview")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", equalTo("token revoked")));
        Tokens.Issued sameUserNewLogin = tokens.issue();
        given().header("Authorization", sameUserNewLogin.bearer()).get("/api/v1/analytics/overview").then().statusCode(200);
    }

    @Test
    void theUsersRevokedBeforeMarkVoidsEveryOlderTokenAndNoNewerOne() {
        String subject = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Tokens.Issued older = tokens.issue(subject, "mark@example.test", now.minusSeconds(120));
        Tokens.Issued atTheMark = tokens.issue(subject, "mark@example.test", now.minusSeconds(60));
        Tokens.Issued otherUser = tokens.issue(UUID.randomUUID().toString(), "other@example.test", now.minusSeconds(120));
        given().header("Authorization", older.bearer()).get("/api/v1/analytics/overview").then().statusCode(200);

        // What auth-service writes on a password change: tokens issued before this second are void.
        long mark = now.minusSeconds(60).getEpochSecond();
        redis.value(String.class).setex("lv:revoked-before:" + subject, 60, Long.toString(mark));
        publish(RevocationNotice.issuedBefore(subject, mark));

        await().atMost(NOTICE_DELIVERY).untilAsserted(() -> given().header("Authorization", older.bearer())
                .get("/api/v1/analytics/overview")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", equalTo("token revoked")));
        given().header("Authorization", atTheMark.bearer()).get("/api/v1/analytics/overview").then().statusCode(200);
        given().header("Authorization", otherUser.bearer()).get("/api/v1/analytics/overview").then().statusCode(200);
        // The gateway's own endpoint honours it too.
        given().header("Authorization", older.bearer()).get("/api/v1/users/rate-limit-status").then().statusCode(401);
    }

    @Test
    void publicAuthRoutesPassWithoutATokenAndStillLoseTheForgedUserId() {
        for (String path : new String[]{"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
                "/api/v1/auth/forgot-password", "/api/v1/auth/reset-password", "/api/v1/auth/verify-email"}) {
            given().header(TestClients.FORWARDED_FOR, TestClients.randomIp())
                    .header("X-LectaVera-User-Id", "someone-else")
                    .contentType("application/json").body("{\"email\":\"a@example.test\",\"password\":\"pw\"}")
                    .post(path)
                    .then().statusCode(200)
                    .body("uri", equalTo(path))
                    .body("body", equalTo("{\"email\":\"a@example.test\",\"password\":\"pw\"}"))
                    .body("headers.x-lectavera-user-id", nullValue());
        }
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).get("/.well-known/jwks.json")
                .then().statusCode(200).body("uri", equalTo("/.well-known/jwks.json"));
    }

    @Test
    void onlyTheListedMethodAndPathArePublic() {
        given().post("/api/v1/auth/logout").then().statusCode(401);
        given().get("/api/v1/auth/login").then().statusCode(401);
        given().post("/api/v1/auth/login/../../documents").then().statusCode(401);
    }

    @Test
    void aRequestIdIsGeneratedPassedOnAndEchoedOnce() {
        Response response = given().header("Authorization", tokens.issue().bearer()).get("/api/v1/quiz/quizzes");

        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        String requestId = response.header("X-Request-Id");
        assertEquals(requestId, response.jsonPath().getString("headers.x-request-id"));
        assertEquals(1, response.headers().getValues("X-Request-Id").size());
    }

    @Test
    void aSaneClientRequestIdIsKeptAndAnInsaneOneReplaced() {
        String bearer = tokens.issue().bearer();
        given().header("Authorization", bearer).header("X-Request-Id", "client-7f3a.01")
                .get("/api/v1/quiz/quizzes")
                .then().statusCode(200)
                .header("X-Request-Id", "client-7f3a.01")
                .body("headers.x-request-id", equalTo("client-7f3a.01"));
        given().header("Authorization", bearer).header("X-Request-Id", "<script>alert(1)</script>")
                .get("/api/v1/quiz/quizzes")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "refused-1").get("/api/v1/quiz/quizzes")
                .then().statusCode(401)
                .header("X-Request-Id", "refused-1")
                .body("requestId", equalTo("refused-1"));
    }

    @Test
    void corsAnswersPreflightsAndExposesTheGatewayHeaders() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/documents/search")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Credentials", "true");

        Response response = given().header("Origin", "http://localhost:5173")
                .header("Authorization", tokens.issue().bearer())
                .get("/api/v1/quiz/quizzes");
        response.then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", containsString("X-RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
        assertEquals(1, response.headers().getValues("Access-Control-Allow-Origin").size(),
                "the upstream's own CORS header is dropped");

        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/documents/search")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void readinessReportsRedisAndDoesNotDependOnUpstreams() {
        Management.management().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.status", equalTo("UP"));
    }
}
