package dev.lectavera.quiz.repository;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.kit.jdbc.DataAccessException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The transactional outbox ({@code outbox_event}) and the inbox of processed events ({@code processed_event}). */
@ApplicationScoped
public class OutboxRepository {

    private static final int MAX_ERROR_LENGTH = 2000;

    private final AgroalDataSource dataSource;

    OutboxRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A row waiting to be published. */
    public record PendingEvent(UUID id, String topic, String recordKey, String envelope) {
    }

    /** Writes the event in the caller's transaction: it is published only if that transaction commits. */
    public void add(EventEnvelope<?> envelope) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO outbox_event (id, topic, record_key, event_type, envelope)
                     VALUES (?, ?, ?, ?, ?)""")) {
            insert.setObject(1, envelope.id());
            insert.setString(2, envelope.eventType().topic());
            insert.setString(3, envelope.subject());
            insert.setString(4, envelope.type());
            insert.setString(5, EventJson.write(envelope));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Writing event " + envelope.type() + " to the outbox failed", e);
        }
    }

    /**
     * The oldest unpublished events, locked for this transaction; rows another instance holds are skipped, so two
     * relays never send the same row at once.
     */
    public List<PendingEvent> lockUnpublished(int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT id, topic, record_key, envelope FROM outbox_event
                     WHERE published_at IS NULL
                     ORDER BY created_at, id
                     LIMIT ?
                     FOR UPDATE SKIP LOCKED""")) {
            select.setInt(1, limit);
            List<PendingEvent> events = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new PendingEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new DataAccessException("Reading the outbox failed", e);
        }
    }

    public void markPublished(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1, last_error = NULL"
                             + " WHERE id = ?")) {
            update.setObject(1, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Stamping event " + id + " failed", e);
        }
    }

    public void markFailed(UUID id, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            update.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH)));
            update.setObject(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Recording the failure of event " + id + " failed", e);
        }
    }

    /**
     * Remembers a consumed event.
     *
     * @return true the first time this event id is seen: apply the change; false for a redelivery: skip it
     */
    public boolean markProcessed(UUID eventId, String eventType) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO processed_event (event_id, event_type) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, eventId);
            insert.setString(2, eventType);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException("Recording processed event " + eventId + " failed", e);
        }
    }
}
