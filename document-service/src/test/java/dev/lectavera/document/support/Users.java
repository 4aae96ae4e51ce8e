package dev.lectavera.document.support;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;
import java.util.UUID;

/** A random user and a token for it, signed like auth-service signs. */
public record Users(UUID id, String token) {

    /** A new user with a 15-minute token, as auth-service issues them. */
    public static Users random() {
        return withTokenLifetime(900);
    }

    /** For runs longer than a token lives (the benchmark). */
    public static Users withTokenLifetime(long seconds) {
        UUID id = UUID.randomUUID();
        String token = Jwt.issuer("lectavera-auth")
                .subject(id.toString())
                .upn(id + "@test.lectavera.dev")
                .groups(Set.of("user"))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(seconds)
                .sign();
        return new Users(id, token);
    }
}
