package dev.lectavera.study.repository;

import dev.lectavera.kit.jdbc.DataAccessException;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.model.SessionStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * chat_session over plain JDBC. Callers hold the transaction (@Transactional): connections taken here join it.
 * Every lookup by id also takes the owner, so another user's session is simply "not found".
 */
@ApplicationScoped
public class SessionRepository {

    private static final String COLUMNS = "id, user_id, title, document_ids, status, started_at, last_activity_at,"
            + " archived_at, message_count, last_message_seq";

    /** A session due for archiving and why. */
    public record ArchiveCandidate(SessionRow session, boolean disconnected) {
    }

    private final AgroalDataSource dataSource;

    SessionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new session; empty when the user was deleted (a tombstone). Call under {@link #lockUser} (shared). */
    public Optional<SessionRow> insert(UUID id, UUID userId, String title, List<UUID> documentIds) {
        return single("INSERT INTO chat_session (id, user_id, title, document_ids) SELECT ?, ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = ?) RETURNING " + COLUMNS, ps -> {
            ps.setObject(1, id);
            ps.setObject(2, userId);
            ps.setString(3, title);
            ps.setArray(4, uuidArray(ps.getConnection(), documentIds));
            ps.setObject(5, userId);
        });
    }

    /**
     * The per-user lock, held until the transaction ends: shared for a session insert, exclusive for the UserDeleted
     * purge. An insert either commits before the purge looks (and is purged) or sees the purge's tombstone. Its own
     * statement: the tombstone check that follows must take its snapshot after the lock is granted.
     */
    public void lockUser(UUID userId, boolean exclusive) {
        execute("SELECT " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtextextended(?::text, 0))", ps -> ps.setObject(1, userId));
    }

    /** UserDeleted: the tombstone that refuses the user's later writes (idempotent). */
    public void markDeleted(UUID userId) {
        execute("INSERT INTO deleted_user (user_id) VALUES (?) ON CONFLICT DO NOTHING", ps -> ps.setObject(1, userId));
    }

    public Optional<SessionRow> findOwned(UUID userId, UUID id) {
        return single("SELECT " + COLUMNS + " FROM chat_session WHERE id = ? AND user_id = ?", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, userId);
        });
    }

    /** Locks the row until the transaction ends: messages of one session are written one after the other. */
    public Optional<SessionRow> lockOwned(UUID userId, UUID id) {
        return single("SELECT " + COLUMNS + " FROM chat_session WHERE id = ? AND user_id = ? FOR UPDATE", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, userId);
        });
    }

    public List<SessionRow> list(UUID userId, SessionStatus status, int page, int size) {
        String where = status == null ? "user_id = ?" : "user_id = ? AND status = ?";
        return many("SELECT " + COLUMNS + " FROM chat_session WHERE " + where
                + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?", ps -> {
            int i = 1;
            ps.setObject(i++, userId);
            if (status != null) {
                ps.setString(i++, status.name());
            }
            ps.setInt(i++, size);
            ps.setLong(i, (long) page * size);
        });
    }

    public long count(UUID userId, SessionStatus status) {
        String sql = status == null ? "SELECT count(*) FROM chat_session WHERE user_id = ?"
                : "SELECT count(*) FROM chat_session WHERE user_id = ? AND status = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, userId);
            if (status != null) {
                ps.setString(2, status.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public SessionRow update(UUID id, String title, List<UUID> documentIds) {
        return single("UPDATE chat_session SET title = coalesce(?, title),"
                + " document_ids = coalesce(?, document_ids) WHERE id = ? RETURNING " + COLUMNS, ps -> {
            ps.setString(1, title);
            ps.setArray(2, documentIds == null ? null : uuidArray(ps.getConnection(), documentIds));
            ps.setObject(3, id);
        }).orElseThrow();
    }

    public boolean delete(UUID userId, UUID id) {
        return execute("DELETE FROM chat_session WHERE id = ? AND user_id = ?", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, userId);
        }) == 1;
    }

    /** ACTIVE → ARCHIVED; empty when the session was not active (only one caller ever wins). */
    public Optional<SessionRow> archiveIfActive(UUID id, Instant at) {
        return single("UPDATE chat_session SET status = 'ARCHIVED', archived_at = ?, archive_after = NULL"
                + " WHERE id = ? AND status = 'ACTIVE' RETURNING " + COLUMNS, ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, id);
        });
    }

    /** Sessions to archive: disconnected past their grace, or idle. Locked; rows other instances hold are skipped. */
    public List<ArchiveCandidate> lockArchivable(Instant now, Instant idleBefore, int limit) {
        List<ArchiveCandidate> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", archive_after <= ? AS disconnected"
                     + " FROM chat_session WHERE status = 'ACTIVE' AND (archive_after <= ? OR last_activity_at <= ?)"
                     + " ORDER BY last_activity_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(idleBefore));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new ArchiveCandidate(map(rs), rs.getBoolean("disconnected")));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        return found;
    }

    public void scheduleArchive(UUID id, Instant after) {
        execute("UPDATE chat_session SET archive_after = ? WHERE id = ? AND status = 'ACTIVE'", ps -> {
            ps.setTimestamp(1, Timestamp.from(after));
            ps.setObject(2, id);
        });
    }

    /** A client is connected: no disconnect-archive, and the session counts as active now. */
    public void keepAlive(UUID id, Instant now) {
        execute("UPDATE chat_session SET archive_after = NULL, last_activity_at = greatest(last_activity_at, ?)"
                + " WHERE id = ? AND status = 'ACTIVE'", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, id);
        });
    }

    public void cancelScheduledArchive(UUID id) {
        execute("UPDATE chat_session SET archive_after = NULL WHERE id = ? AND archive_after IS NOT NULL",
                ps -> ps.setObject(1, id));
    }

    /** DocumentDeleted: the document leaves every session of its owner that selected it. */
    public int removeDocument(UUID userId, UUID documentId) {
        return execute("UPDATE chat_session SET document_ids = array_remove(document_ids, ?)"
                + " WHERE user_id = ? AND document_ids @> ARRAY[?]::uuid[]", ps -> {
            ps.setObject(1, documentId);
            ps.setObject(2, userId);
            ps.setObject(3, documentId);
        });
    }

    /** UserDeleted: every session (messages follow by cascade); returns the ids removed. */
    public List<UUID> deleteAllOf(UUID userId) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM chat_session WHERE user_id = ? RETURNING id")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        return ids;
    }

    // ---- plumbing

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<SessionRow> single(String sql, Binder binder) {
        List<SessionRow> rows = many(sql, binder);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private List<SessionRow> many(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<SessionRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private int execute(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.execute() ? 0 : ps.getUpdateCount();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static SessionRow map(ResultSet rs) throws SQLException {
        return new SessionRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("title"),
                uuids(rs.getArray("document_ids")),
                SessionStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("last_activity_at")),
                instant(rs.getTimestamp("archived_at")),
                rs.getInt("message_count"),
                rs.getLong("last_message_seq"));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString())).toList();
    }

    private static Array uuidArray(Connection c, List<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }
}
