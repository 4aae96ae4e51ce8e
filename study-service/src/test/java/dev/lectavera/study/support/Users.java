package dev.lectavera.study.support;

import dev.lectavera.testsupport.jwt.AccessTokens;
import dev.lectavera.testsupport.jwt.JwtTestKeys;
import dev.lectavera.testsupport.process.DocumentServiceForTests;

import java.time.Instant;
import java.util.UUID;

/**
 * A random user with a token signed like auth-service signs (RS256, issuer lectavera-auth, audience lectavera-api,
 * group user, a jti), with the key the document-service process and study-service under test verify with.
 */
public record Users(UUID id, String token) {

    public static final String AUDIENCE = AccessTokens.AUDIENCE;

    public static Users random() {
        return of(UUID.randomUUID(), AccessTokens.LIFETIME_SECONDS);
    }

    public static Users of(UUID id, long lifetimeSeconds) {
        return new Users(id, signed(id, UUID.randomUUID().toString(), Instant.now().getEpochSecond(), lifetimeSeconds,
                AUDIENCE));
    }

    /** Another token of this user (a fresh jti), issued now, valid for 15 minutes. */
    public String newToken() {
        return signed(id, UUID.randomUUID().toString(), Instant.now().getEpochSecond(), AccessTokens.LIFETIME_SECONDS,
                AUDIENCE);
    }

    /** A token of this user with this jti, issued at {@code issuedAt} (epoch seconds). */
    public String token(String jti, long issuedAt, long lifetimeSeconds) {
        return signed(id, jti, issuedAt, lifetimeSeconds, AUDIENCE);
    }

    /** A well-signed token of this user for another audience. */
    public String tokenForAudience(String audience) {
        return signed(id, UUID.randomUUID().toString(), Instant.now().getEpochSecond(), AccessTokens.LIFETIME_SECONDS,
                audience);
    }

    private static String signed(UUID id, String jti, long issuedAt, long lifetimeSeconds, String audience) {
        return AccessTokens.claimsWithoutLifetime(id, AccessTokens.emailOf(id))
                .audience(audience)
                .claim("jti", jti)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt + lifetimeSeconds)
                .sign(DocumentServiceForTests.get().keys().privateKey());
    }

    /** Same user, signed by a key nobody trusts. */
    public String forgedToken() {
        return AccessTokens.claims(id).sign(JwtTestKeys.untrustedKey());
    }
}
