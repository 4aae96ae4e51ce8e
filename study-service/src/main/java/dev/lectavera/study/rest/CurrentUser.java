package dev.lectavera.study.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The caller, from the verified JWT's {@code sub} (never from X-LectaVera-User-Id), and the raw token, which is
 * forwarded to document-service so that it answers only with this user's documents.
 */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;

    CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotAuthorizedException("Bearer");
        }
    }

    public String accessToken() {
        String raw = token.getRawToken();
        if (raw == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return raw;
    }
}
