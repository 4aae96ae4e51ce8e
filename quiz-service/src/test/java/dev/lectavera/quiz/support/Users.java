package dev.lectavera.quiz.support;

import dev.lectavera.testsupport.jwt.AccessTokens;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.UUID;

/**
 * A random user with a token signed like auth-service signs (the test key of
 * {@link dev.lectavera.testsupport.process.DocumentServiceResource}).
 */
public record Users(UUID id, String email, String token) {

    public static final String AUDIENCE = AccessTokens.AUDIENCE;

    public static Users random() {
        UUID id = UUID.randomUUID();
        String email = "quiz-" + id + "@example.test";
        return new Users(id, email, AccessTokens.claims(id, email).sign());
    }

    /** The claims auth-service puts in this user's access token, for a test to change one (iat, jti, aud). */
    public JwtClaimsBuilder claims() {
        return AccessTokens.claims(id, email);
    }

    /** The same user calling with another token. */
    public Users withToken(String otherToken) {
        return new Users(id, email, otherToken);
    }
}
