package dev.lectavera.auth.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    private UUID id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Access tokens issued (iat, whole seconds) before this are void; null: none revoked this way. */
    @Column(name = "tokens_valid_after")
    private Instant tokensValidAfter;

    protected UserAccount() {
        // JPA
    }

    public UserAccount(String email, String passwordHash, String fullName, Instant now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newFullName, Instant now) {
        this.fullName = newFullName;
        this.updatedAt = now;
    }

    public void changePasswordHash(String newPasswordHash, Instant now) {
        this.passwordHash = newPasswordHash;
        this.updatedAt = now;
    }

    /**
     * The next whole second after {@code now}: every token issued so far (its iat is at most {@code now}'s second)
     * is before it, and a token issued from now on gets it as its iat at the earliest.
     */
    public static Instant revocationMarkAfter(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /**
     * Voids every access token issued until now (password change or reset, account deletion). The mark only moves
     * forward, and always moves: tokens issued since an earlier mark carry that mark as their iat
     * ({@link #tokenIssuedAt}), so a second revocation within the same second must set a later mark to void them.
     *
     * @return the mark: tokens with an iat before it are void
     */
    public Instant revokeTokensIssuedUntil(Instant now) {
        Instant mark = revocationMarkAfter(now);
        tokensValidAfter = tokensValidAfter == null || tokensValidAfter.isBefore(mark) ? mark
                : tokensValidAfter.plusSeconds(1);
        return tokensValidAfter;
    }

    /** Whether a token with this iat (epoch seconds) was issued before the mark. */
    public boolean isTokenRevoked(long issuedAtSeconds) {
        return tokensValidAfter != null && issuedAtSeconds < tokensValidAfter.getEpochSecond();
    }

    /** The iat of a token issued now: never before the mark, so that it survives it. */
    public Instant tokenIssuedAt(Instant now) {
        return tokensValidAfter != null && now.isBefore(tokensValidAfter) ? tokensValidAfter : now;
    }

    /** Idempotent: the first verification time is kept. */
    public void markEmailVerified(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
            updatedAt = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFullName() {
        return fullName;
    }

    public Instant getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getTokensValidAfter() {
        return tokensValidAfter;
    }

    @Override
    public String toString() {
        // Never the hash, never the email (logs).
        return "UserAccount[" + id + "]";
    }
}
