package dev.lectavera.auth.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A single-use token sent by email, known only by its SHA-256 hash. */
@Entity
@Table(name = "one_time_token")
public class OneTimeToken extends HashedToken {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private OneTimeTokenPurpose purpose;

    protected OneTimeToken() {
        // JPA
    }

    public OneTimeToken(UUID userId, OneTimeTokenPurpose purpose, byte[] tokenHash, Instant now, Instant expiresAt) {
        super(userId, tokenHash, now, expiresAt);
        this.purpose = purpose;
    }

    public boolean isUsableAt(Instant now) {
        return getUsedAt() == null && now.isBefore(getExpiresAt());
    }

    public OneTimeTokenPurpose getPurpose() {
        return purpose;
    }

    @Override
    public String toString() {
        return "OneTimeToken[" + getId() + ", " + purpose + "]";
    }
}
