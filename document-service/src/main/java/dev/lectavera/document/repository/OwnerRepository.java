package dev.lectavera.document.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * What belongs to a user as a whole: the per-user lock that serialises quota checks, uploads and the UserDeleted
 * purge; the tombstone the purge leaves; the usage counted against the quota. Every method runs in the caller's
 * transaction (the lock is held until it ends).
 */
@ApplicationScoped
public class OwnerRepository {

    /** Bytes of original files still stored, and documents (any status). */
    public record Usage(long bytes, long documents) {
    }

    /** Namespace of this service's advisory locks (a user id alone could collide with another lock's key). */
    private static final int LOCK_SPACE = 0x4c56_4431; // "LVD1"

    private final AgroalDataSource dataSource;

    OwnerRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the user's lock until the transaction ends: two uploads (or an upload and the purge) run one by one. */
    public void lock(UUID userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setInt(2, (int) (userId.getMostSignificantBits() ^ userId.getLeastSignificantBits()));
            lock.execute();
        }
    }

    public boolean isDeleted(UUID userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT 1 FROM deleted_user WHERE user_id = ?")) {
            select.setObject(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void markDeleted(UUID userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO deleted_user (user_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, userId);
            insert.executeUpdate();
        }
    }

    /** FAILED documents keep their row (and count as documents) but no file (their bytes are free again). */
    public Usage usage(UUID userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT coalesce(sum(size_bytes) FILTER (WHERE status <> 'FAILED'), 0), count(*)
                     FROM document WHERE user_id = ?""")) {
            select.setObject(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Usage(rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
