package dev.lectavera.study.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.kit.jdbc.DataAccessException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Records an event in the caller's transaction (transactional outbox): it exists exactly when the change it
 * describes was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class OutboxWriter {

    public static final String SOURCE = "/study-service";

    /** Fired inside the transaction; observed after the commit to wake the relay. */
    public record Written(UUID eventId) {
    }

    private final AgroalDataSource dataSource;
    private final Event<Written> written;

    OutboxWriter(AgroalDataSource dataSource, Event<Written> written) {
        this.dataSource = dataSource;
        this.written = written;
    }

    /** @param subject the aggregate id, also the Kafka record key (ordering per session) */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope<?> write(UUID subject, Object payload) {
        EventEnvelope<?> envelope = EventEnvelope.of(SOURCE, subject.toString(), payload);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO outbox_event (id, topic, record_key, event_type, envelope) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, envelope.id());
            insert.setString(2, envelope.eventType().topic());
            insert.setString(3, envelope.subject());
            insert.setString(4, envelope.type());
            insert.setString(5, EventJson.write(envelope));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        written.fire(new Written(envelope.id()));
        return envelope;
    }
}
