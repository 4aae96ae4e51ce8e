package dev.lectavera.study.support;

import io.smallrye.jwt.build.Jwt;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A random user with a token signed like auth-service signs (RS256, issuer lectavera-auth, audience lectavera-api,
 * group user, a jti).
 */
public record Users(UUID id, String token) {

    public static Users random() {
        return of(UUID.randomUUID(), 900);
    }

    public static final String AUDIENCE = "lectavera-api";

    public static Users of(UUID id, long lifetimeSeconds) {
        return new Users(id, signed(id, UUID.randomUUID().toString(), Instant.now().getEpochSecond(), lifetimeSeconds,
                AUDIENCE));
    }

    /** Another token of this user (a fresh jti), issued now, valid for 15 minutes. */
    public String newToken() {
        return signed(id, UUID.randomUUID().toString(), Instant.now().getEpochSecond(), 900, AUDIENCE);
    }

    /** A token of this user with this jti, issued at {@code issuedAt} (epoch seconds). */
    public String token(String jti, long issuedAt, long lifetimeSeconds) {
        return signed(id, jti, issuedAt, lifetimeSeconds, AUDIENCE);
    }

    /** A well-signed token of this user for another audience. */
    public String tokenForAudience(String audience) {
        return signed(id, UUID.randomUUID().toString(), Instant.now().getEpochSecond(), 900, audience);
    }

    private static String signed(UUID id, String jti, long issuedAt, long lifetimeSeconds, String audience) {
        return Jwt.issuer("lectavera-auth")
                .audience(audience)
                .subject(id.toString())
                .upn(id + "@test.lectavera.dev")
                .groups(Set.of("user"))
                .claim("jti", jti)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt + lifetimeSeconds)
                .sign(DocumentServiceProcess.get().keys().privateKey());
    }

    /** Same user, signed by a key nobody trusts. */
    public String forgedToken() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer("lectavera-auth").audience(AUDIENCE).subject(id.toString()).groups(Set.of("user")).expiresIn(900)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
