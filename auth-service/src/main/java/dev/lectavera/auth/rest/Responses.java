package dev.lectavera.auth.rest;

import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.service.SessionService;

import java.time.Instant;
import java.util.UUID;

/** Response bodies. */
public final class Responses {

    private Responses() {
    }

    public record User(UUID id, String email, String fullName, boolean emailVerified, Instant emailVerifiedAt,
                       Instant createdAt, Instant updatedAt) {

        static User of(UserAccount account) {
            return new User(account.getId(), account.getEmail(), account.getFullName(),
                    account.getEmailVerifiedAt() != null, account.getEmailVerifiedAt(), account.getCreatedAt(),
                    account.getUpdatedAt());
        }
    }

    /** OAuth 2.0-style token response (RFC 6749 section 5.1); expiresIn is the access token's, in seconds. */
    public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {

        static Tokens of(SessionService.Tokens tokens) {
            return new Tokens(tokens.access().token(), tokens.refresh().token(), "Bearer",
                    tokens.access().expiresInSeconds());
        }

        @Override
        public String toString() {
            return "Tokens[***]";
        }
    }
}
