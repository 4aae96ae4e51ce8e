package dev.lectavera.study.live;

import dev.lectavera.contracts.revocation.RevocationKeys;
import dev.lectavera.contracts.revocation.RevocationNotice;
import dev.lectavera.kit.revocation.RevocationCheck;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.RespClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.Users;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.study.support.StudyTest.api;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebSocket under attack: one token per connection, revocation at open, at renewal and while open (notices on
 * {@code lv:revocations}), expiry without renewal, and the per-user, frame-rate and frame-size limits.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocketSecurityTest {

    private static final int POLICY_VIOLATION = 1008;
    private static final int TOO_BIG = 1009;
    private static final int TOKEN_INVALID = 4401;
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    private final RedisDataSource redis;
    private final RevocationCheck revocations;
    private Users user;
    private UUID document;
    private Users other;
    private UUID otherDocument;

    SocketSecurityTest(RedisDataSource redis, RevocationCheck revocations) {
        this.redis = redis;
        this.revocations = revocations;
    }

    @BeforeAll
    void indexDocuments() {
        user = Users.random();
        document = Documents.indexedBiology(user);
        other = Users.random();
        otherDocument = Documents.indexedBiology(other);
    }

    @Test
    void aSmuggledOrSecondTokenIsRefused() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        String base = api.wsUrl(session, null);
        String revokedOfUser = user.newToken();
        revoke(user, jtiOf(revokedOfUser));
        List<String> refused = List.of(
                // the attack of issue 14: a second token under an encoded parameter name
                base + "?token=" + user.newToken() + "&%74oken=" + revokedOfUser,
                base + "?%74oken=" + revokedOfUser + "&token=" + user.newToken(),
                base + "?token=" + user.newToken() + ";token=" + revokedOfUser,
                // the same token twice is still two
                base + "?token=" + user.token() + "&token=" + user.token(),
                base + "?to%6Ben=" + user.token() + "&%74%6F%6B%65%6E=" + user.token());
        for (String url : refused) {
            try (LiveClient client = LiveClient.connect(url)) {
                assertEquals(POLICY_VIOLATION, client.awaitClose(), url);
                assertTrue(client.events("ready").isEmpty(), url);
            }
        }
        // a query token that is not the bearer token of the handshake (the gateway verified the header)
        try (LiveClient client = LiveClient.connect(base + "?%74oken=" + revokedOfUser,
                Map.of("Authorization", "Bearer " + other.token()))) {
            assertEquals(POLICY_VIOLATION, client.awaitClose());
            assertTrue(client.events("ready").isEmpty());
        }
        // one token, in one place or repeated identically in both, is fine
        try (LiveClient bearerOnly = LiveClient.connect(base, Map.of("Authorization", "Bearer " + user.token()));
             LiveClient both = LiveClient.connect(base + "?token=" + user.token(),
                     Map.of("Authorization", "Bearer " + user.token()));
             LiveClient encodedName = LiveClient.connectReady(base + "?%74oken=" + user.token())) {
            bearerOnly.awaitEvent("ready", e -> true);
            both.awaitEvent("ready", e -> true);
            assertFalse(encodedName.isClosed());
        }
    }

    @Test
    void aRevokedTokenOrOneIssuedBeforeTheMarkOrForAnotherAudienceIsRefusedAtOpen() {
        StudyApi api = api();
        Users marked = Users.random();
        UUID session = api.newSession(marked, Documents.indexedBiology(marked));
        String logout = marked.newToken();
        revoke(marked, jtiOf(logout));
        long mark = Instant.now().getEpochSecond();
        String before = marked.token(UUID.randomUUID().toString(), mark - 10, 900);
        markIssuedBefore(marked, mark);

        for (String token : List.of(logout, before, marked.tokenForAudience("lectavera-somewhere-else"))) {
            try (LiveClient client = LiveClient.connect(api.wsUrl(session, token))) {
                assertEquals(POLICY_VIOLATION, client.awaitClose());
                assertTrue(client.events("ready").isEmpty());
            }
        }
        // a token issued at or after the mark is good
        String after = marked.token(UUID.randomUUID().toString(), mark, 900);
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, after))) {
            assertFalse(client.isClosed());
        }
    }

    @Test
    void aRevokedTokenOrOneIssuedBeforeTheMarkClosesTheSocketAtRenewal() {
        StudyApi api = api();
        Users renewing = Users.random();
        UUID session = api.newSession(renewing, Documents.indexedBiology(renewing));
        long now = Instant.now().getEpochSecond();
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, renewing.token(
                UUID.randomUUID().toString(), now, 900)))) {
            String revoked = renewing.newToken();
            revoke(renewing, jtiOf(revoked));
            client.send(renewal(revoked));
            assertEquals(TOKEN_INVALID, client.awaitClose());
            assertEquals("token revoked", client.closeReason());
        }
        markIssuedBefore(renewing, now);
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, renewing.token(
                UUID.randomUUID().toString(), now, 900)))) {
            client.send(renewal(renewing.token(UUID.randomUUID().toString(), now - 5, 900)));
            assertEquals(TOKEN_INVALID, client.awaitClose());
        }
    }

    @Test
    void aJtiNoticeClosesTheSocketsOfThatTokenAndNoOtherWithinASecond() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        String first = user.newToken();
        String renewedFrom = user.newToken();
        try (LiveClient loggedOut = LiveClient.connectReady(api.wsUrl(session, first));
             LiveClient renewed = LiveClient.connectReady(api.wsUrl(session, renewedFrom));
             LiveClient sameUserOtherToken = LiveClient.connectReady(api.wsUrl(session, user.newToken()));
             LiveClient otherUser = LiveClient.connectReady(api.wsUrl(api.newSession(other, otherDocument),
                     other.token()));
             RespClient authService = RespClient.local()) {
            renewed.send(renewal(user.newToken()));
            renewed.send("{\"type\":\"ping\"}");
            renewed.awaitEvent("pong", e -> true); // the renewal before it was handled

            authService.command("PUBLISH", RevocationKeys.CHANNEL,
                    RevocationNotice.token(user.id().toString(), jtiOf(first)).toJson());
            await().atMost(WITHIN_A_SECOND).until(loggedOut::isClosed);
            assertEquals(TOKEN_INVALID, loggedOut.awaitClose());
            assertEquals("token revoked", loggedOut.closeReason());

            // logging out the token a socket opened with ends it, even after it renewed to a later token
            authService.command("PUBLISH", RevocationKeys.CHANNEL,
                    RevocationNotice.token(user.id().toString(), jtiOf(renewedFrom)).toJson());
            await().atMost(WITHIN_A_SECOND).until(renewed::isClosed);
            assertEquals(TOKEN_INVALID, renewed.awaitClose());

            sameUserOtherToken.send("{\"type\":\"ping\"}");
            sameUserOtherToken.awaitEvent("pong", e -> true);
            otherUser.send("{\"type\":\"ping\"}");
            otherUser.awaitEvent("pong", e -> true);
            assertFalse(sameUserOtherToken.isClosed());
            assertFalse(otherUser.isClosed());
        }
    }

    @Test
    void aBeforeNoticeClosesEverySocketOfThatUserWithAnOlderTokenWithinASecond() {
        StudyApi api = api();
        Users changed = Users.random();
        UUID session = api.newSession(changed, Documents.indexedBiology(changed));
        long now = Instant.now().getEpochSecond();
        try (LiveClient one = LiveClient.connectReady(api.wsUrl(session, changed.token(
                UUID.randomUUID().toString(), now - 20, 900)));
             LiveClient two = LiveClient.connectReady(api.wsUrl(session, changed.token(
                     UUID.randomUUID().toString(), now - 10, 900)));
             LiveClient issuedAfter = LiveClient.connectReady(api.wsUrl(session, changed.token(
                     UUID.randomUUID().toString(), now, 900)));
             LiveClient otherUser = LiveClient.connectReady(api.wsUrl(api.newSession(other, otherDocument),
                     other.token()));
             RespClient authService = RespClient.local()) {
            authService.command("PUBLISH", RevocationKeys.CHANNEL,
                    RevocationNotice.issuedBefore(changed.id().toString(), now).toJson());
            await().atMost(WITHIN_A_SECOND).until(() -> one.isClosed() && two.isClosed());
            assertEquals(TOKEN_INVALID, one.awaitClose());
            assertEquals(TOKEN_INVALID, two.awaitClose());

            issuedAfter.send("{\"type\":\"ping\"}");
            issuedAfter.awaitEvent("pong", e -> true);
            otherUser.send("{\"type\":\"ping\"}");
            otherUser.awaitEvent("pong", e -> true);
            assertFalse(issuedAfter.isClosed());
            assertFalse(otherUser.isClosed());
        }
    }

    @Test
    void aSocketClosesWhenItsTokenExpiresUnrenewedAndARenewedOneStaysOpen() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        try (LiveClient expiring = LiveClient.connectReady(api.wsUrl(session, Users.of(user.id(), 3).token()));
             LiveClient renewed = LiveClient.connectReady(api.wsUrl(session, Users.of(user.id(), 3).token()))) {
            renewed.send(renewal(user.newToken()));
            await().atMost(Duration.ofSeconds(15)).until(expiring::isClosed);
            assertEquals(TOKEN_INVALID, expiring.awaitClose());
            assertEquals("token expired", expiring.closeReason());
            // well past the first token's expiry, the renewed socket still answers
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !renewed.isClosed());
            renewed.send("{\"type\":\"ping\"}");
            renewed.awaitEvent("pong", e -> true);
        }
    }

    @Test
    void aUserHasAtMostTenSocketsOnAnInstance() {
        StudyApi api = api();
        Users busy = Users.random();
        UUID session = api.newSession(busy, Documents.indexedBiology(busy));
        List<LiveClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                open.add(LiveClient.connectReady(api.wsUrl(session, busy.token())));
            }
            try (LiveClient eleventh = LiveClient.connect(api.wsUrl(session, busy.token()))) {
                assertEquals(POLICY_VIOLATION, eleventh.awaitClose());
                assertEquals("too many connections", eleventh.closeReason());
            }
            // another user is not affected
            try (LiveClient otherUser = LiveClient.connectReady(api.wsUrl(api.newSession(other, otherDocument),
                    other.token()))) {
                assertFalse(otherUser.isClosed());
            }
            // one closed, one more may open (once the server has seen the close)
            open.removeFirst().close();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                LiveClient again = LiveClient.connect(api.wsUrl(session, busy.token()));
                try {
                    again.awaitEvent("ready", e -> true);
                } catch (RuntimeException | AssertionError refused) {
                    again.close();
                    return false;
                }
                open.add(again);
                return true;
            });
        } finally {
            open.forEach(LiveClient::close);
        }
    }

    @Test
    void aFloodingSocketGetsRateLimitedThenClosed() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            int sent = 0;
            try {
                while (sent < 200 && !client.isClosed()) {
                    client.send("{\"type\":\"ping\"}");
                    sent++;
                }
            } catch (RuntimeException closedWhileSending) {
                // the server closed the socket under our feet: that is the point
            }
            assertEquals(POLICY_VIOLATION, client.awaitClose());
            assertEquals("too many messages", client.closeReason());
            assertTrue(client.events("error").stream()
                    .anyMatch(e -> e.get("code").asText().equals("rate_limited")));
            assertTrue(client.events("pong").size() < sent, "not every ping was answered");
        }
    }

    @Test
    void aFrameOverSixteenKibClosesTheSocketWith1009() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            client.send("x".repeat(15_000)); // under the limit: just not JSON
            client.awaitEvent("error", e -> e.get("code").asText().equals("invalid_message"));
            client.send("x".repeat(17_000));
            assertEquals(TOO_BIG, client.awaitClose());
        }
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            // the same size in several frames is one message over the limit
            client.sendFragments("x".repeat(9_000), "x".repeat(9_000));
            assertEquals(TOO_BIG, client.awaitClose());
        }
    }

    /** A logout as auth-service writes it (key, then notice); returns once this instance's mirror has it. */
    private void revoke(Users owner, String jti) {
        redis.value(String.class).setex(RevocationKeys.revokedToken(jti), 900, "1");
        redis.pubsub(String.class).publish(RevocationKeys.CHANNEL, RevocationNotice.token(owner.id().toString(), jti).toJson());
        await().atMost(Duration.ofSeconds(5)).until(() -> revocations.isRevoked(jti, owner.id().toString(), 0));
    }

    /** A password change as auth-service writes it; returns once this instance's mirror has it. */
    private void markIssuedBefore(Users owner, long mark) {
        redis.value(String.class).setex(RevocationKeys.revokedBefore(owner.id().toString()), 900, Long.toString(mark));
        redis.pubsub(String.class).publish(RevocationKeys.CHANNEL,
                RevocationNotice.issuedBefore(owner.id().toString(), mark).toJson());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> revocations.isRevoked("any", owner.id().toString(), mark - 1));
    }

    private static String renewal(String token) {
        return "{\"type\":\"token\",\"token\":\"" + token + "\"}";
    }

    /** The jti claim of a token this test signed (the payload is base64url JSON). */
    private static String jtiOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        int start = payload.indexOf("\"jti\":\"") + 7;
        return payload.substring(start, payload.indexOf('"', start));
    }
}
