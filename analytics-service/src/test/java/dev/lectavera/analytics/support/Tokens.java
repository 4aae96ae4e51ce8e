package dev.lectavera.analytics.support;

import io.smallrye.jwt.build.Jwt;

import java.util.UUID;

/** Access tokens shaped like auth-service's (issuer, sub = user id, groups = user, jti, 15 min). */
public final class Tokens {

    private Tokens() {
    }

    public static String forUser(UUID userId) {
        return Jwt.issuer("lectavera-auth")
                .subject(userId.toString())
                .upn("student-" + userId + "@example.test")
                .groups("user")
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(900)
                .sign();
    }

    public static String withIssuer(UUID userId, String issuer) {
        return Jwt.issuer(issuer).subject(userId.toString()).groups("user").expiresIn(900).sign();
    }
}
