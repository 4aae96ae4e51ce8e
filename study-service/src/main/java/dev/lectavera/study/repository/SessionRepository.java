package dev.lectavera.study.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.model.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    private final Database database;

    SessionRepository(Database database) {
        this.database = database;
    }

    /** A new session; empty when the user was deleted (a tombstone). Call under {@link #lockUser} (shared). */
    public Optional<SessionRow> insert(UUID id, UUID userId, String title, List<UUID> documentIds) {
        return database.queryFirst("INSERT INTO chat_session (id, user_id, title, document_ids) SELECT ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = ?) RETURNING " + COLUMNS,
                SessionRepository::map, id, userId, title, Sql.array("uuid", documentIds), userId);
    }

    /**
     * The per-user lock, held until the transaction ends: shared for a session insert, exclusive for the UserDeleted
     * purge. An insert either commits before the purge looks (and is purged) or sees the purge's tombstone. Its own
     * statement: the tombstone check that follows must take its snapshot after the lock is granted.
     */
    public void lockUser(UUID userId, boolean exclusive) {
        database.query("SELECT " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtextextended(?::text, 0))", row -> null, userId);
    }

    /** UserDeleted: the tombstone that refuses the user's later writes (idempotent). */
    public void markDeleted(UUID userId) {
        database.update("INSERT INTO deleted_user (user_id) VALUES (?) ON CONFLICT DO NOTHING", userId);
    }

    public Optional<SessionRow> findOwned(UUID userId, UUID id) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM chat_session WHERE id = ? AND user_id = ?",
                SessionRepository::map, id, userId);
    }

    /** Locks the row until the transaction ends: messages of one session are written one after the other. */
    public Optional<SessionRow> lockOwned(UUID userId, UUID id) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM chat_session WHERE id = ? AND user_id = ? FOR UPDATE",
                SessionRepository::map, id, userId);
    }

    public List<SessionRow> list(UUID userId, SessionStatus status, int page, int size) {
        long offset = (long) page * size;
        return status == null
                ? database.query("SELECT " + COLUMNS + " FROM chat_session WHERE user_id = ?"
                        + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?", SessionRepository::map,
                        userId, size, offset)
                : database.query("SELECT " + COLUMNS + " FROM chat_session WHERE user_id = ? AND status = ?"
                        + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?", SessionRepository::map,
                        userId, status, size, offset);
    }

    public long count(UUID userId, SessionStatus status) {
        return status == null
                ? database.queryOne("SELECT count(*) FROM chat_session WHERE user_id = ?", row -> row.getLong(1),
                        userId)
                : database.queryOne("SELECT count(*) FROM chat_session WHERE user_id = ? AND status = ?",
                        row -> row.getLong(1), userId, status);
    }

    public SessionRow update(UUID id, String title, List<UUID> documentIds) {
        return database.queryOne("UPDATE chat_session SET title = coalesce(?, title),"
                        + " document_ids = coalesce(?, document_ids) WHERE id = ? RETURNING " + COLUMNS,
                SessionRepository::map, title, documentIds == null ? null : Sql.array("uuid", documentIds), id);
    }

    public boolean delete(UUID userId, UUID id) {
        return database.update("DELETE FROM chat_session WHERE id = ? AND user_id = ?", id, userId) == 1;
    }

    /** ACTIVE → ARCHIVED; empty when the session was not active (only one caller ever wins). */
    public Optional<SessionRow> archiveIfActive(UUID id, Instant at) {
        return database.queryFirst("UPDATE chat_session SET status = 'ARCHIVED', archived_at = ?, archive_after = NULL"
                + " WHERE id = ? AND status = 'ACTIVE' RETURNING " + COLUMNS, SessionRepository::map, at, id);
    }

    /** Sessions to archive: disconnected past their grace, or idle. Locked; rows other instances hold are skipped. */
    public List<ArchiveCandidate> lockArchivable(Instant now, Instant idleBefore, int limit) {
        return database.query("SELECT " + COLUMNS + ", archive_after <= ? AS disconnected"
                        + " FROM chat_session WHERE status = 'ACTIVE' AND (archive_after <= ? OR last_activity_at <= ?)"
                        + " ORDER BY last_activity_at LIMIT ? FOR UPDATE SKIP LOCKED",
                row -> new ArchiveCandidate(map(row), row.getBoolean("disconnected")), now, now, idleBefore, limit);
    }

    public void scheduleArchive(UUID id, Instant after) {
        database.update("UPDATE chat_session SET archive_after = ? WHERE id = ? AND status = 'ACTIVE'", after, id);
    }

    /** A client is connected: no disconnect-archive, and the session counts as active now. */
    public void keepAlive(UUID id, Instant now) {
        database.update("UPDATE chat_session SET archive_after = NULL, last_activity_at = greatest(last_activity_at, ?)"
                + " WHERE id = ? AND status = 'ACTIVE'", now, id);
    }

    public void cancelScheduledArchive(UUID id) {
        database.update("UPDATE chat_session SET archive_after = NULL WHERE id = ? AND archive_after IS NOT NULL", id);
    }

    /** DocumentDeleted: the document leaves every session of its owner that selected it. */
    public int removeDocument(UUID userId, UUID documentId) {
        return database.update("UPDATE chat_session SET document_ids = array_remove(document_ids, ?)"
                + " WHERE user_id = ? AND document_ids @> ARRAY[?]::uuid[]", documentId, userId, documentId);
    }

    /** UserDeleted: every session (messages follow by cascade); returns the ids removed. */
    public List<UUID> deleteAllOf(UUID userId) {
        return database.query("DELETE FROM chat_session WHERE user_id = ? RETURNING id", row -> Sql.uuid(row, "id"),
                userId);
    }

    private static SessionRow map(ResultSet row) throws SQLException {
        return new SessionRow(
                Sql.uuid(row, "id"),
                Sql.uuid(row, "user_id"),
                row.getString("title"),
                Sql.uuids(row, "document_ids"),
                SessionStatus.valueOf(row.getString("status")),
                Sql.instant(row, "started_at"),
                Sql.instant(row, "last_activity_at"),
                Sql.instant(row, "archived_at"),
                row.getInt("message_count"),
                row.getLong("last_message_seq"));
    }
}
