package dev.lectavera.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The inbox of idempotent consumers ({@code processed_event}): an event id is applied once, whatever Kafka
 * redelivers. Recording the id and applying the event share the caller's transaction, so a crash between them
 * leaves neither.
 */
@ApplicationScoped
public class EventInbox {

    private final DataSource dataSource;

    public EventInbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the event in the caller's JTA transaction.
     *
     * @return true the first time this id is seen (apply the event), false for a redelivery (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId, String eventType) {
        try (Connection c = dataSource.getConnection()) {
            return markProcessed(c, eventId, eventType);
        } catch (SQLException e) {
            throw failed(eventId, e);
        }
    }

    /**
     * Records the event in the transaction of {@code c} (a consumer that runs its own JDBC transaction). A concurrent
     * delivery of the same id waits on the primary key until the first commits, then counts as a redelivery.
     *
     * @return true the first time this id is seen (apply the event), false for a redelivery (skip it)
     */
    public boolean markProcessed(Connection c, UUID eventId, String eventType) {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO processed_event (event_id, event_type) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            insert.setObject(1, eventId);
            insert.setString(2, eventType);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed(eventId, e);
        }
    }

    private static OutboxException failed(UUID eventId, SQLException e) {
        return new OutboxException("Recording processed event " + eventId + " failed", e);
    }
}
