package dev.lectavera.analytics.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.UUID;

/** Access tokens shaped like auth-service's (issuer, audience, sub = user id, groups = user, jti, 15 min). */
public final class Tokens {

    public static final String AUDIENCE = "lectavera-api";

    private Tokens() {
    }

    public static String forUser(UUID userId) {
        return claims(userId).sign();
    }

    /** The claims of {@link #forUser}, for a test to change one (iat, jti, aud) before signing. */
    public static JwtClaimsBuilder claims(UUID userId) {
        return Jwt.issuer("lectavera-auth")
                .audience(AUDIENCE)
                .subject(userId.toString())
                .upn("student-" + userId + "@example.test")
                .groups("user")
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(900);
    }

    public static String withIssuer(UUID userId, String issuer) {
        return Jwt.issuer(issuer).audience(AUDIENCE).subject(userId.toString()).groups("user").expiresIn(900).sign();
    }
}
