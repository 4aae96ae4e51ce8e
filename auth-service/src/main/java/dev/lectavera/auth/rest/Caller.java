package dev.lectavera.auth.rest;

import dev.lectavera.auth.security.AccessTokenIssuer;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What auth-service reads from a verified access token besides the user id (that is the kit's {@code CurrentUser}). */
final class Caller {

    private Caller() {
    }

    /** The login session (refresh-token family) the access token was issued for, when it says. */
    static Optional<UUID> session(JsonWebToken token) {
        Object claim = token.getClaim(AccessTokenIssuer.SESSION_CLAIM);
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        try {
            return Optional.ofNullable(value).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Instant expiresAt(JsonWebToken token) {
        return Instant.ofEpochSecond(token.getExpirationTime());
    }
}
