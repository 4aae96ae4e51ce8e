package dev.lectavera.quiz.support;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;
import java.util.UUID;

/** A random user with a token signed like auth-service signs (the test key of {@link DocumentServiceResource}). */
public record Users(UUID id, String email, String token) {

    public static Users random() {
        UUID id = UUID.randomUUID();
        String email = "quiz-" + id + "@example.test";
        String token = Jwt.issuer("lectavera-auth")
                .subject(id.toString())
                .upn(email)
                .claim("email", email)
                .claim("jti", UUID.randomUUID().toString())
                .groups(Set.of("user"))
                .expiresIn(900)
                .sign();
        return new Users(id, email, token);
    }
}
