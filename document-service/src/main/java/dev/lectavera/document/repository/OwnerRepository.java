package dev.lectavera.document.repository;

import dev.lectavera.kit.jdbc.Database;
import jakarta.enterprise.context.ApplicationScoped;

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

    private final Database database;

    OwnerRepository(Database database) {
        this.database = database;
    }

    /** Takes the user's lock until the transaction ends: two uploads (or an upload and the purge) run one by one. */
    public void lock(UUID userId) {
        database.query("SELECT pg_advisory_xact_lock(?, ?)", row -> null, LOCK_SPACE,
                (int) (userId.getMostSignificantBits() ^ userId.getLeastSignificantBits()));
    }

    public boolean isDeleted(UUID userId) {
        return !database.query("SELECT 1 FROM deleted_user WHERE user_id = ?", row -> 1, userId).isEmpty();
    }

    public void markDeleted(UUID userId) {
        database.update("INSERT INTO deleted_user (user_id) VALUES (?) ON CONFLICT DO NOTHING", userId);
    }

    /** FAILED documents keep their row (and count as documents) but no file (their bytes are free again). */
    public Usage usage(UUID userId) {
        return database.queryOne("""
                SELECT coalesce(sum(size_bytes) FILTER (WHERE status <> 'FAILED'), 0), count(*)
                FROM document WHERE user_id = ?""", row -> new Usage(row.getLong(1), row.getLong(2)), userId);
    }
}
