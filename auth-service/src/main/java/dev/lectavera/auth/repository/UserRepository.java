package dev.lectavera.auth.repository;

import dev.lectavera.auth.model.UserAccount;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    /** Case-insensitive, served by the unique index on {@code lower(email)}. */
    public Optional<UserAccount> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public boolean emailTaken(String email) {
        return count("lower(email) = lower(?1)", email) > 0;
    }
}
