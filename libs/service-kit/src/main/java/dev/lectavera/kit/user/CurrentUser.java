package dev.lectavera.kit.user;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.UUID;

/**
 * The caller of a protected endpoint: its user id is the verified access token's {@code sub}, nothing else (never a
 * header the gateway sets). A token whose subject is not a user id is not one of auth-service's: 401.
 */
@RequestScoped
public class CurrentUser {

    private static final URI INVALID_TOKEN = URI.create("urn:lectavera:problem:invalid-token");

    private final JsonWebToken token;

    CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw invalidToken();
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
    }

    /** The raw access token, forwarded to another service so that it applies the same user scoping. */
    public String accessToken() {
        String raw = token.getRawToken();
        if (raw == null) {
            throw invalidToken();
        }
        return raw;
    }

    /** The Authorization header value to forward. */
    public String authorization() {
        return "Bearer " + accessToken();
    }

    private static HttpProblem invalidToken() {
        return HttpProblem.builder()
                .withType(INVALID_TOKEN)
                .withStatus(401)
                .withTitle("Unauthorized")
                .withDetail("The access token has no valid subject")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .build();
    }
}
