package dev.lectavera.testsupport.revocation;

import dev.lectavera.kit.revocation.RevocationKeys;
import dev.lectavera.testsupport.jwt.AccessTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A verified token that auth-service revoked (its jti listed, or issued before its user's mark) or that was not
 * issued for the API (audience) does not authenticate at a service either, whatever the gateway did: 401
 * problem+json. The keys are the shared protocol's ({@link RevocationKeys}), written into the real Redis and
 * removed after each test. A service's {@code @QuarkusTest TokenRevocationTest} extends this with an endpoint
 * any user may GET.
 */
public abstract class TokenRevocationChecks {

    private static final long TTL_SECONDS = AccessTokens.LIFETIME_SECONDS;

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

        put(RevocationKeys.revokedToken(jti), "1");

        unauthorized(get(token));
        get(AccessTokens.forUser(user)).statusCode(200); // another token of the same user is untouched
    }

    @Test
    void aTokenIssuedBeforeTheUsersMarkIsRefusedAndOneIssuedAtOrAfterItIsAccepted() {
        UUID user = UUID.randomUUID();
        long mark = Instant.now().getEpochSecond() - 120;
        put(RevocationKeys.revokedBefore(user.toString()), Long.toString(mark));

        unauthorized(get(issuedAt(user, mark - 1)));
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

    private static String issuedAt(UUID user, long epochSeconds) {
        return AccessTokens.claims(user).issuedAt(epochSeconds).expiresAt(epochSeconds + TTL_SECONDS).sign();
    }

    private void put(String key, String value) {
        keys.add(key);
        redis.value(String.class).setex(key, TTL_SECONDS, value);
    }

    private ValidatableResponse get(String token) {
        return given().auth().oauth2(token).get(endpoint).then();
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType(startsWith("application/problem+json")).body("status", equalTo(401));
    }
}
