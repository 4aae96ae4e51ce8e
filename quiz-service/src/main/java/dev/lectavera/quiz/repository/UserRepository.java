package dev.lectavera.quiz.repository;

import dev.lectavera.kit.jdbc.DataAccessException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Deleted users (the {@code deleted_user} tombstones) and the per-user lock that keeps a purge and a write of the
 * same user apart. Called inside the caller's transaction.
 */
@ApplicationScoped
public class UserRepository {

    private final AgroalDataSource dataSource;

    UserRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Locks the user until the transaction ends (a PostgreSQL advisory lock on the id): writes take it shared (they
     * never wait for each other), the purge exclusive, so a write checked against the tombstone cannot commit behind
     * a concurrent purge's back.
     */
    public void lock(UUID userId, boolean exclusive) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement(exclusive
                     ? "SELECT pg_advisory_xact_lock(hashtextextended(?::text, 0))"
                     : "SELECT pg_advisory_xact_lock_shared(hashtextextended(?::text, 0))")) {
            lock.setObject(1, userId);
            lock.execute();
        } catch (SQLException e) {
            throw new DataAccessException("Locking user " + userId + " failed", e);
        }
    }

    public boolean isDeleted(UUID userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT 1 FROM deleted_user WHERE user_id = ?")) {
            select.setObject(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading the tombstone of user " + userId + " failed", e);
        }
    }

    /** The first deletion wins; a redelivered UserDeleted changes nothing. */
    public void tombstone(UUID userId, Instant deletedAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO deleted_user (user_id, deleted_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING")) {
            insert.setObject(1, userId);
            insert.setTimestamp(2, Timestamp.from(deletedAt));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Writing the tombstone of user " + userId + " failed", e);
        }
    }
}
