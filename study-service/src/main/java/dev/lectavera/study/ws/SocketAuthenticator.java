package dev.lectavera.study.ws;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Browsers cannot set headers on a WebSocket upgrade, so the access token comes as {@code ?token=}. It is
 * verified exactly like a bearer token (smallrye-jwt: signature, issuer, expiry) and must carry the
 * {@code user} group; the user is its {@code sub}.
 */
@ApplicationScoped
public class SocketAuthenticator {

    /** A verified token. {@code expiresAt} in epoch seconds. */
    public record VerifiedUser(UUID userId, String token, long expiresAt) {
    }

    private final JWTParser parser;

    SocketAuthenticator(JWTParser parser) {
        this.parser = parser;
    }

    public Optional<VerifiedUser> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            if (jwt.getGroups() == null || !jwt.getGroups().contains("user") || jwt.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedUser(UUID.fromString(jwt.getSubject()), token, jwt.getExpirationTime()));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The value of one query parameter of a raw query string. */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
