package dev.lectavera.quiz.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The caller, from the verified JWT ({@code sub}); never from the gateway's X-LectaVera-User-Id header. Its raw token
 * is forwarded to document-service so that service applies the same user scoping.
 */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;

    CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw new NotAuthorizedException("Bearer");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new NotAuthorizedException("Bearer");
        }
    }

    /** The Authorization header value to forward. */
    public String authorization() {
        return "Bearer " + token.getRawToken();
    }
}
