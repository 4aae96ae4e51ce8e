package dev.lectavera.auth.repository;

import dev.lectavera.auth.model.UserAccount;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

/**
 * Lock order, everywhere: the user row first, then that user's tokens. A password change, reset or deletion holds
 * the row exclusively while it moves the revocation mark and revokes the refresh tokens; a login or refresh holds
 * it shared while it starts or rotates a session and signs the access token, so that neither can slip past the
 * other (a session started meanwhile is revoked too, a token signed meanwhile is before the mark).
 */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    /** {@code FOR UPDATE}: password change, reset, deletion. */
    public Optional<UserAccount> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** {@code FOR SHARE}: starting or rotating a session, which many may do at once. */
    public Optional<UserAccount> findByIdForShare(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    /** Case-insensitive, served by the unique index on {@code lower(email)}. */
    public Optional<UserAccount> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public boolean emailTaken(String email) {
        return count("lower(email) = lower(?1)", email) > 0;
    }
}
