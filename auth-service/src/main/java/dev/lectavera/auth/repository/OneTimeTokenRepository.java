package dev.lectavera.auth.repository;

import dev.lectavera.auth.model.OneTimeToken;
import dev.lectavera.auth.model.OneTimeTokenPurpose;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OneTimeTokenRepository implements PanacheRepositoryBase<OneTimeToken, UUID> {

    /** Locked so that the same token presented twice at once is consumed only once. */
    public Optional<OneTimeToken> findByHashForUpdate(byte[] tokenHash, OneTimeTokenPurpose purpose) {
        return find("tokenHash = ?1 and purpose = ?2", tokenHash, purpose)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Whose token this is, without loading the entity (see RefreshTokenRepository.findOwnerByHash). */
    public Optional<UUID> findOwnerByHash(byte[] tokenHash, OneTimeTokenPurpose purpose) {
        return getEntityManager()
                .createQuery("select t.userId from OneTimeToken t where t.tokenHash = :hash and t.purpose = :purpose",
                        UUID.class)
                .setParameter("hash", tokenHash)
                .setParameter("purpose", purpose)
                .getResultStream().findFirst();
    }

    /** A newly issued token supersedes the user's earlier unused ones of the same purpose. */
    public int invalidateUnused(UUID userId, OneTimeTokenPurpose purpose, Instant now) {
        return update("usedAt = ?1 where userId = ?2 and purpose = ?3 and usedAt is null", now, userId, purpose);
    }

    public long deleteExpiredOrUsed(Instant now) {
        return delete("expiresAt < ?1 or usedAt is not null", now);
    }
}
