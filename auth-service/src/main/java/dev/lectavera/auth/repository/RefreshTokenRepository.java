package dev.lectavera.auth.repository;

import dev.lectavera.auth.model.RefreshToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /**
     * Locks the row so that two concurrent refreshes with the same token are serialised: the second one
     * sees the token spent and is treated as reuse.
     */
    public Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash) {
        return find("tokenHash = ?1", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<RefreshToken> findByHash(byte[] tokenHash) {
        return find("tokenHash = ?1", tokenHash).firstResultOptional();
    }

    /**
     * Whose token this is, without loading the entity: a later {@link #findByHashForUpdate} in the same transaction
     * must read the row as it is once locked, not a copy loaded before the lock.
     */
    public Optional<UUID> findOwnerByHash(byte[] tokenHash) {
        return getEntityManager()
                .createQuery("select t.userId from RefreshToken t where t.tokenHash = :hash", UUID.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    public int revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public int revokeFamilyOfUser(UUID familyId, UUID userId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and userId = ?3 and revokedAt is null",
                now, familyId, userId);
    }

    public int revokeAllOfUser(UUID userId, Instant now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }

    /** An expired token is refused anyway, so its row (and the reuse evidence it carries) can go. */
    public long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
