package dev.lectavera.auth.service;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.model.RefreshToken;
import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.repository.RefreshTokenRepository;
import dev.lectavera.auth.repository.UserRepository;
import dev.lectavera.auth.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh-token families. Each login starts a family; each refresh spends the presented token and issues its
 * successor in the same family. A spent token presented again means two parties hold the family (a stolen token
 * or a replay): the whole family is revoked, so both the thief and the victim must log in again. A family ends
 * at the latest {@code tokens.refresh-family-lifetime} after its login, however often it is rotated.
 */
@ApplicationScoped
public class RefreshTokenService {

    private static final Logger LOG = Logger.getLogger(RefreshTokenService.class);

    private final RefreshTokenRepository tokens;
    private final UserRepository users;
    private final OpaqueTokens opaqueTokens;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration familyLifetime;

    RefreshTokenService(RefreshTokenRepository tokens, UserRepository users, OpaqueTokens opaqueTokens, Clock clock,
                        AuthConfig config) {
        this.tokens = tokens;
        this.users = users;
        this.opaqueTokens = opaqueTokens;
        this.clock = clock;
        this.lifetime = config.tokens().refreshTokenLifetime();
        this.familyLifetime = config.tokens().refreshFamilyLifetime();
    }

    /** A new family (a login). The caller holds the user row (see UserRepository). */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedRefreshToken startFamily(UUID userId) {
        Instant now = clock.instant();
        return issue(userId, UUID.randomUUID(), now, now);
    }

    /**
     * Spends the presented token and issues its successor, holding the user row shared until the caller's
     * transaction ends (the access token is signed in it). Returns rather than throws a rejection, so that a
     * detected reuse commits the family's revocation even though the caller gets a 401.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Rotation rotate(String presented) {
        byte[] hash = opaqueTokens.hash(presented);
        // The user row before the token row: the lock order of password change and deletion (no deadlock).
        Optional<UserAccount> user = tokens.findOwnerByHash(hash).flatMap(users::findByIdForShare);
        if (user.isEmpty()) {
            return new Rotation.Rejected("unknown token");
        }
        Instant now = clock.instant();
        Optional<RefreshToken> found = tokens.findByHashForUpdate(hash);
        if (found.isEmpty()) {
            return new Rotation.Rejected("unknown token");
        }
        RefreshToken token = found.get();
        if (token.isRevoked()) {
            return new Rotation.Rejected("revoked token");
        }
        if (token.isSpent()) {
            int revoked = tokens.revokeFamily(token.getFamilyId(), now);
            LOG.warnf("Refresh token reuse detected for user %s: family %s revoked (%d tokens)",
                    token.getUserId(), token.getFamilyId(), revoked);
            return new Rotation.Rejected("reused token");
        }
        if (!now.isBefore(token.getFamilyStartedAt().plus(familyLifetime))) {
            return new Rotation.Rejected("session older than its absolute lifetime");
        }
        if (token.isExpiredAt(now)) {
            return new Rotation.Rejected("expired token");
        }
        token.markUsed(now);
        IssuedRefreshToken successor = issue(token.getUserId(), token.getFamilyId(), token.getFamilyStartedAt(), now);
        return new Rotation.Rotated(user.get(), successor);
    }

    /** Logout: the session's family and, when given, the family of the presented token, if it is the user's. */
    @Transactional
    public void revokeSession(UUID userId, Optional<UUID> sessionFamily, Optional<String> presented) {
        Instant now = clock.instant();
        sessionFamily.ifPresent(family -> revokeFamilyOf(userId, family, now));
        presented.flatMap(raw -> tokens.findByHash(opaqueTokens.hash(raw)))
                .filter(token -> token.getUserId().equals(userId))
                .ifPresent(token -> revokeFamilyOf(userId, token.getFamilyId(), now));
    }

    /** Password change or reset: every session of the user ends. Joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAll(UUID userId) {
        return tokens.revokeAllOfUser(userId, clock.instant());
    }

    private void revokeFamilyOf(UUID userId, UUID familyId, Instant now) {
        tokens.revokeFamilyOfUser(familyId, userId, now);
    }

    /** Each token lives {@code lifetime}, but never past its family's end. */
    private IssuedRefreshToken issue(UUID userId, UUID familyId, Instant familyStartedAt, Instant now) {
        String raw = opaqueTokens.newToken();
        Instant expiresAt = now.plus(lifetime);
        Instant familyEnd = familyStartedAt.plus(familyLifetime);
        RefreshToken token = new RefreshToken(userId, familyId, familyStartedAt, opaqueTokens.hash(raw), now,
                expiresAt.isAfter(familyEnd) ? familyEnd : expiresAt);
        tokens.persist(token);
        return new IssuedRefreshToken(raw, familyId, token.getExpiresAt());
    }

    public record IssuedRefreshToken(String token, UUID familyId, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedRefreshToken[family=" + familyId + ", expiresAt=" + expiresAt + "]";
        }
    }

    public sealed interface Rotation {
        record Rotated(UserAccount user, IssuedRefreshToken successor) implements Rotation {
        }

        record Rejected(String reason) implements Rotation {
        }
    }
}
