package dev.lectavera.quiz.repository;

import dev.lectavera.kit.jdbc.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Deleted users (the {@code deleted_user} tombstones) and the per-user lock that keeps a purge and a write of the
 * same user apart. Called inside the caller's transaction.
 */
@ApplicationScoped
public class UserRepository {

    private final Database database;

    UserRepository(Database database) {
        this.database = database;
    }

    /**
     * Locks the user until the transaction ends (a PostgreSQL advisory lock on the id): writes take it shared (they
     * never wait for each other), the purge exclusive, so a write checked against the tombstone cannot commit behind
     * a concurrent purge's back.
     */
    public void lock(UUID userId, boolean exclusive) {
        database.query(exclusive
                ? "SELECT pg_advisory_xact_lock(hashtextextended(?::text, 0))"
                : "SELECT pg_advisory_xact_lock_shared(hashtextextended(?::text, 0))", row -> null, userId);
    }

    public boolean isDeleted(UUID userId) {
        return !database.query("SELECT 1 FROM deleted_user WHERE user_id = ?", row -> 1, userId).isEmpty();
    }

    /** The first deletion wins; a redelivered UserDeleted changes nothing. */
    public void tombstone(UUID userId, Instant deletedAt) {
        database.update("INSERT INTO deleted_user (user_id, deleted_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING",
                userId, deletedAt);
    }
}
