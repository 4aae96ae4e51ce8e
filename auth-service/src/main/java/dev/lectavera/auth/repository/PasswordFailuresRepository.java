package dev.lectavera.auth.repository;

import dev.lectavera.auth.model.PasswordFailures;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;

@ApplicationScoped
public class PasswordFailuresRepository implements PanacheRepositoryBase<PasswordFailures, String> {

    /**
     * The key's counter, created when missing and row-locked, so that concurrent attempts on one account are
     * counted one after the other. Must run inside a transaction.
     */
    public PasswordFailures lockOrCreate(String accountKey) {
        getEntityManager().createNativeQuery(
                        "INSERT INTO password_failure (account_key) VALUES (:key) ON CONFLICT DO NOTHING")
                .setParameter("key", accountKey)
                .executeUpdate();
        return findById(accountKey, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Counters whose window, lock and quiet period are all over: the same as no row at all. */
    public long deleteIdleSince(Instant cutoff) {
        return delete("lastFailureAt < ?1 and (lockedUntil is null or lockedUntil < ?1)", cutoff);
    }
}
