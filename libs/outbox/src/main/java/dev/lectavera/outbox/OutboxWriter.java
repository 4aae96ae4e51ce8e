package dev.lectavera.outbox;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes events into the outbox in the caller's transaction (transactional outbox): the event exists if and only
 * if the change it describes was committed; {@link OutboxRelay} publishes it after the commit. Plain JDBC on the
 * service's DataSource, so the row joins the caller's JTA transaction next to Hibernate as next to plain JDBC.
 */
@ApplicationScoped
public class OutboxWriter {

    private final DataSource dataSource;
    private final OutboxStore store;
    private final Event<OutboxAppended> appended;
    private final String source;

    OutboxWriter(DataSource dataSource, OutboxStore store, Event<OutboxAppended> appended, OutboxConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.appended = appended;
        this.source = config.source();
    }

    /** Publishes {@code payload} about the aggregate {@code subject}: its CloudEvent subject and Kafka key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> append(UUID subject, T payload) {
        return append(subject.toString(), payload);
    }

    /** Publishes {@code payload} about the aggregate {@code subject}: its CloudEvent subject and Kafka key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> append(String subject, T payload) {
        EventEnvelope<T> envelope = EventEnvelope.of(source, subject, payload);
        EventType type = envelope.eventType();
        return append(type.topic(), envelope.subject(), envelope);
    }

    /**
     * Publishes {@code envelope} to {@code topic} with the record key {@code key}. When a span is current, its trace
     * context goes into the envelope (CloudEvents {@code traceparent}) and the row, which the relay sends as the
     * Kafka header of the same name.
     *
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> append(String topic, String key, EventEnvelope<T> envelope) {
        String traceparent = Traceparent.current().orElse(null);
        EventEnvelope<T> published = traceparent == null ? envelope : envelope.withTraceparent(traceparent);
        try (Connection c = dataSource.getConnection()) {
            store.insert(c, published.id(), topic, key, published.type(), EventJson.write(published),
                    published.traceparent());
        } catch (SQLException e) {
            throw new OutboxException("Writing event " + published.type() + " to the outbox failed", e);
        }
        appended.fire(new OutboxAppended(published.id()));
        return published;
    }
}
