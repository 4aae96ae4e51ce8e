package dev.lectavera.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code outbox_event} table, in plain JDBC: the writer's insert runs on the caller's (JTA-enlisted) connection,
 * the relay's statements on the connection of its own local transaction.
 */
@ApplicationScoped
public class OutboxStore {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final DataSource dataSource;

    public OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A row waiting to be published. */
    public record PendingEvent(UUID id, String topic, String recordKey, String eventType, String envelope,
                               String traceparent) {
    }

    /** Inserts an event; it becomes visible to the relay when the transaction of {@code c} commits. */
    public void insert(Connection c, UUID id, String topic, String recordKey, String eventType, String envelope,
                       String traceparent) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO outbox_event (id, topic, record_key, event_type, envelope, traceparent)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, recordKey);
            insert.setString(4, eventType);
            insert.setString(5, envelope);
            insert.setString(6, traceparent);
            insert.executeUpdate();
        }
    }

    /**
     * The oldest unpublished events, in creation order, row-locked until {@code c} commits; rows another
     * instance's relay holds are skipped, so two instances never send the same row at the same time.
     */
    public List<PendingEvent> lockUnpublished(Connection c, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, topic, record_key, event_type, envelope, traceparent FROM outbox_event
                WHERE published_at IS NULL
                ORDER BY created_at, id
                LIMIT ?
                FOR UPDATE SKIP LOCKED""")) {
            select.setInt(1, limit);
            List<PendingEvent> events = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new PendingEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return events;
        }
    }

    public void markPublished(Connection c, UUID id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1, last_error = NULL"
                        + " WHERE id = ?")) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }

    public void markFailed(Connection c, UUID id, String error) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            String message = error == null ? "unknown error" : error;
            update.setString(1, message.substring(0, Math.min(message.length(), MAX_ERROR_LENGTH)));
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    /** Deletes events published before {@code cutoff} (in the caller's transaction, if any); returns how many. */
    public long deletePublishedBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Deleting published outbox events failed", e);
        }
    }
}
