package dev.lectavera.auth.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One refresh token of a session family, known only by its SHA-256 hash. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends HashedToken {

    @Column(name = "family_id", nullable = false, updatable = false)
    private UUID familyId;

    /** The login that started the family; no token of the family expires after start + the family lifetime. */
    @Column(name = "family_started_at", nullable = false, updatable = false)
    private Instant familyStartedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
        // JPA
    }

    public RefreshToken(UUID userId, UUID familyId, Instant familyStartedAt, byte[] tokenHash, Instant now,
                        Instant expiresAt) {
        super(userId, tokenHash, now, expiresAt);
        this.familyId = familyId;
        this.familyStartedAt = familyStartedAt;
    }

    public boolean isSpent() {
        return getUsedAt() != null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(getExpiresAt());
    }

    public UUID getFamilyId() {
        return familyId;
    }

    public Instant getFamilyStartedAt() {
        return familyStartedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    @Override
    public String toString() {
        return "RefreshToken[" + getId() + ", family " + familyId + "]";
    }
}
