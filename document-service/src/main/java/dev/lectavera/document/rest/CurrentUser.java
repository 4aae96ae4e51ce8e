package dev.lectavera.document.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The caller, from the verified JWT's {@code sub} (never from a header: the gateway's X-LectaVera-User-Id is
 * informational).
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
}
