package dev.lectavera.gateway.security;

import dev.lectavera.contracts.revocation.RevocationKeys;
import dev.lectavera.contracts.revocation.RevocationNotice;
import dev.lectavera.gateway.FakeUpstream;
import dev.lectavera.gateway.JwtKeys;
import dev.lectavera.gateway.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The gateway's revocation mirror against the real Redis: a notice alone refuses a token at the edge (no key for any
 * Redis lookup to find), a key alone is found by the next full load, and the edge answers from memory.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class RevocationMirrorTest {

    private static final Duration DELIVERY = Duration.ofSeconds(5);

    Tokens tokens;

    @Inject
    RedisDataSource redis;

    @Inject
    RevocationMirror mirror;

    @Test
    void aNoticeAloneRefusesTheTokenAtTheEdge() {
        Tokens.Issued user = tokens.issue();
        given().header("Authorization", user.bearer()).get("/api/v1/analytics/overview").then().statusCode(200);

        // Published again on each try: a periodic full load (which finds no key) may drop a notice-only entry.
        await().atMost(DELIVERY).untilAsserted(() -> {
            publish(RevocationNotice.token(user.subject(), user.tokenId()));
            given().header("Authorization", user.bearer()).get("/api/v1/analytics/overview")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("token revoked"));
        });
        given().header("Authorization", tokens.issue().bearer()).get("/api/v1/analytics/overview").then().statusCode(200);
    }

    @Test
    void aMarkNoticeVoidsOnlyTheUsersOlderTokens() {
        String subject = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Tokens.Issued older = tokens.issue(subject, "m@example.test", now.minusSeconds(30));
        Tokens.Issued newer = tokens.issue(subject, "m@example.test", now);

        publish(RevocationNotice.issuedBefore(subject, now.getEpochSecond()));

        await().atMost(DELIVERY).until(() -> mirror.isRevoked(verified(older)));
        assertFalse(mirror.isRevoked(verified(newer)));
    }

    @Test
    void aKeyWithoutANoticeIsFoundByTheNextFullLoad() {
        Tokens.Issued user = tokens.issue();
        redis.value(String.class).setex(RevocationKeys.revokedToken(user.tokenId()), 60, "1"); // gone with its TTL

        mirror.reload(); // what runs after every (re)subscription and every reload interval

        await().atMost(DELIVERY).until(() -> mirror.isRevoked(verified(user)));
    }

    private void publish(RevocationNotice notice) {
        redis.pubsub(String.class).publish(RevocationKeys.CHANNEL, notice.toJson());
    }

    private static VerifiedToken verified(Tokens.Issued issued) {
        long issuedAt = issuedAtOf(issued.token());
        return new VerifiedToken(issued.subject(), issued.tokenId(), issued.email(), Long.MAX_VALUE, issuedAt);
    }

    private static long issuedAtOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        int start = payload.indexOf("\"iat\":") + 6;
        int end = start;
        while (end < payload.length() && Character.isDigit(payload.charAt(end))) {
            end++;
        }
        return Long.parseLong(payload.substring(start, end));
    }
}
