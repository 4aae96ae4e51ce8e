package dev.lectavera.auth.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.HttpHeaders;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The problem+json answers of this service's own rules (quarkus-resteasy-problem renders {@link HttpProblem}).
 * Wording never says whether an account exists.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:lectavera:problem:";

    private Problems() {
    }

    /** Login with an unknown email or a wrong password: one answer for both. */
    public static HttpProblem invalidCredentials() {
        return HttpProblem.builder()
                .withType(type("invalid-credentials"))
                .withStatus(401)
                .withTitle("Unauthorized")
                .withDetail("Invalid email or password")
                .build();
    }

    /** Unknown, spent, revoked or expired refresh token. */
    public static HttpProblem invalidRefreshToken() {
        return HttpProblem.builder()
                .withType(type("invalid-refresh-token"))
                .withStatus(401)
                .withTitle("Unauthorized")
                .withDetail("The refresh token is invalid, expired or revoked; log in again")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .build();
    }

    /**
     * Too many wrong passwords for this account (whatever the address they came from): locked for a while, even for
     * the right password. Worded alike for unknown emails, which are counted the same way.
     */
    public static HttpProblem tooManyPasswordAttempts(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return HttpProblem.builder()
                .withType(type("too-many-password-attempts"))
                .withStatus(429)
                .withTitle("Too Many Requests")
                .withDetail("Too many wrong passwords for this account; try again in " + seconds + " s")
                .withHeader(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    public static HttpProblem emailAlreadyRegistered() {
        return HttpProblem.builder()
                .withType(type("email-already-registered"))
                .withStatus(409)
                .withTitle("Conflict")
                .withDetail("An account with this email already exists")
                .with("violations", List.of(violation("email", "is already registered")))
                .build();
    }

    /** An emailed single-use token that is unknown, already used or expired. */
    public static HttpProblem invalidOneTimeToken(String field) {
        return HttpProblem.builder()
                .withType(type("invalid-token"))
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail("The token is invalid, already used or expired")
                .with("violations", List.of(violation(field, "is invalid, already used or expired")))
                .build();
    }

    /** The password confirming a sensitive change is wrong (the caller is authenticated, so not a 401). */
    public static HttpProblem wrongPassword(String field) {
        return HttpProblem.builder()
                .withType(type("wrong-password"))
                .withStatus(403)
                .withTitle("Forbidden")
                .withDetail("The password is not correct")
                .with("violations", List.of(violation(field, "is not correct")))
                .build();
    }

    public static HttpProblem userNotFound() {
        return HttpProblem.builder()
                .withType(type("user-not-found"))
                .withStatus(404)
                .withTitle("Not Found")
                .withDetail("The user does not exist")
                .build();
    }

    /** Same shape as quarkus-resteasy-problem's Bean Validation violations. */
    private static Map<String, String> violation(String field, String message) {
        return Map.of("field", field, "in", "body", "message", message);
    }

    private static URI type(String name) {
        return URI.create(TYPE_PREFIX + name);
    }
}
