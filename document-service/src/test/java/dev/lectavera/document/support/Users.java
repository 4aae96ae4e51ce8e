package dev.lectavera.document.support;

import dev.lectavera.testsupport.jwt.AccessTokens;

import java.util.UUID;

/** A random user and a token for it, signed like auth-service signs. */
public record Users(UUID id, String token) {

    /** A new user with a 15-minute token, as auth-service issues them. */
    public static Users random() {
        return withTokenLifetime(AccessTokens.LIFETIME_SECONDS);
    }

    /** For runs longer than a token lives (the benchmark). */
    public static Users withTokenLifetime(long seconds) {
        UUID id = UUID.randomUUID();
        return new Users(id, AccessTokens.claims(id).expiresIn(seconds).sign());
    }
}
