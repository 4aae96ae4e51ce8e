package dev.lectavera.testsupport.revocation;

import dev.lectavera.contracts.revocation.RevocationKeys;
import dev.lectavera.contracts.revocation.RevocationNotice;
import dev.lectavera.kit.token.VerifiedTokens;
import dev.lectavera.testsupport.jwt.AccessTokens;
import io.quarkus.arc.Arc;
import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A verified token that auth-service revoked (its jti listed, or issued before its user's mark) or that was not
 * issued for the API (audience) does not authenticate at a service either, whatever the gateway did: 401
 * problem+json. Revocations are written as auth-service writes them ({@link RevocationKeys}: the key into the real
 * Redis, then the notice on the channel) and reach the service's in-memory mirror through its subscription; keys
 * are removed after each test. Also: a token is verified once and then remembered, yet a revocation refuses it at
 * once, and what fails verification is never remembered. A service's {@code @QuarkusTest TokenRevocationTest}
 * extends this with an endpoint any user may GET.
 */
public abstract class TokenRevocationChecks {

    private static final long TTL_SECONDS = AccessTokens.LIFETIME_SECONDS;
    /** Pub/sub delivery to the service's mirror: well under a second; generous for a busy test machine. */
    private static final Duration DELIVERY = Duration.ofSeconds(5);

    private final RedisDataSource redis;
    private final String endpoint;
    private final List<String> keys = new ArrayList<>();

    protected TokenRevocationChecks(RedisDataSource redis, String endpoint) {
        this.redis = redis;
        this.endpoint = endpoint;
    }

    @AfterEach
    void removeKeys() {
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
            keys.clear();
        }
    }

    @Test
    void aTokenWhoseJtiIsRevokedIsRefused() {
        UUID user = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        String token = AccessTokens.claims(user).claim("jti", jti).sign();
        get(token).statusCode(200);

        revokeToken(user, jti);

        await().atMost(DELIVERY).untilAsserted(() -> unauthorized(get(token)));
        get(AccessTokens.forUser(user)).statusCode(200); // another token of the same user is untouched
    }

    @Test
    void aTokenIssuedBeforeTheUsersMarkIsRefusedAndOneIssuedAtOrAfterItIsAccepted() {
        UUID user = UUID.randomUUID();
        long mark = Instant.now().getEpochSecond() - 120;
        revokeIssuedBefore(user, mark);

        await().atMost(DELIVERY).untilAsserted(() -> unauthorized(get(issuedAt(user, mark - 1))));
        unauthorized(get(issuedAt(user, mark - 60)));
        get(issuedAt(user, mark)).statusCode(200);
        get(issuedAt(user, mark + 60)).statusCode(200);
        // the mark is the user's own: somebody else's equally old token still works
        get(issuedAt(UUID.randomUUID(), mark - 1)).statusCode(200);
    }

    @Test
    void aTokenWithoutTheApiAudienceIsRefused() {
        UUID user = UUID.randomUUID();
        unauthorized(get(AccessTokens.claims(user).audience("some-other-service").sign()));
        unauthorized(get(AccessTokens.claims(user).remove("aud").sign()));
        get(AccessTokens.forUser(user)).statusCode(200);
    }

    @Test
    void aTokenIsVerifiedOnceYetItsRevocationRefusesItAtOnce() {
        VerifiedTokens verifiedTokens = Arc.container().instance(VerifiedTokens.class).get();
        UUID user = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        String token = AccessTokens.claims(user).claim("jti", jti).sign();
        get(token).statusCode(200);
        long verifications = verifiedTokens.verifications();

        for (int i = 0; i < 3; i++) {
            get(token).statusCode(200);
        }
        assertEquals(verifications, verifiedTokens.verifications(), "a remembered token is not verified again");

        revokeToken(user, jti);
        await().atMost(DELIVERY).untilAsserted(() -> unauthorized(get(token)));
        assertEquals(verifications, verifiedTokens.verifications(), "refused by the revocation, not by verification");
    }

    @Test
    void whatFailsVerificationIsRefusedEveryTimeEvenNextToARememberedToken() {
        VerifiedTokens verifiedTokens = Arc.container().instance(VerifiedTokens.class).get();
        UUID user = UUID.randomUUID();
        String good = AccessTokens.forUser(user);
        get(good).statusCode(200);
        long now = Instant.now().getEpochSecond();
        String[] parts = good.split("\\.");
        String otherPayload = AccessTokens.forUser(UUID.randomUUID()).split("\\.")[1];
        List<String> bad = List.of(
                parts[0] + "." + otherPayload + "." + parts[2], // tampered: another payload under this signature
                AccessTokens.claimsWithoutLifetime(user, AccessTokens.emailOf(user))
                        .issuedAt(now - 1_000).expiresAt(now - 120).sign(), // expired beyond the 60 s clock skew
                AccessTokens.claims(user).issuer("someone-else").sign());
        for (String token : bad) {
            long before = verifiedTokens.verifications();
            unauthorized(get(token));
            unauthorized(get(token));
            assertTrue(verifiedTokens.verifications() >= before + 2, "a token that failed is verified again, never remembered");
        }
        get(good).statusCode(200);
    }

    private static String issuedAt(UUID user, long epochSeconds) {
        return AccessTokens.claims(user).issuedAt(epochSeconds).expiresAt(epochSeconds + TTL_SECONDS).sign();
    }

    /** What auth-service does on a logout. */
    private void revokeToken(UUID user, String jti) {
        write(RevocationKeys.revokedToken(jti), "1", RevocationNotice.token(user.toString(), jti));
    }

    /** What auth-service does on a password change. */
    private void revokeIssuedBefore(UUID user, long mark) {
        write(RevocationKeys.revokedBefore(user.toString()), Long.toString(mark),
                RevocationNotice.issuedBefore(user.toString(), mark));
    }

    private void write(String key, String value, RevocationNotice notice) {
        keys.add(key);
        redis.value(String.class).setex(key, TTL_SECONDS, value);
        redis.pubsub(String.class).publish(RevocationKeys.CHANNEL, notice.toJson());
    }

    private ValidatableResponse get(String token) {
        return given().auth().oauth2(token).get(endpoint).then();
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType(startsWith("application/problem+json")).body("status", equalTo(401));
    }
}
