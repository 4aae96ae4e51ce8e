package dev.lectavera.quiz.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Set;
import java.util.UUID;

/** A random user with a token signed like auth-service signs (the test key of {@link DocumentServiceResource}). */
public record Users(UUID id, String email, String token) {

    public static final String AUDIENCE = "lectavera-api";

    public static Users random() {
        UUID id = UUID.randomUUID();
        String email = "quiz-" + id + "@example.test";
        return new Users(id, email, claims(id, email).sign());
    }

    /** The claims auth-service puts in this user's access token, for a test to change one (iat, jti, aud). */
    public JwtClaimsBuilder claims() {
        return claims(id, email);
    }

    /** The same user calling with another token. */
    public Users withToken(String otherToken) {
        return new Users(id, email, otherToken);
    }

    private static JwtClaimsBuilder claims(UUID id, String email) {
        return Jwt.issuer("lectavera-auth")
                .audience(AUDIENCE)
                .subject(id.toString())
                .upn(email)
                .claim("email", email)
                .claim("jti", UUID.randomUUID().toString())
                .groups(Set.of("user"))
                .expiresIn(900);
    }
}
