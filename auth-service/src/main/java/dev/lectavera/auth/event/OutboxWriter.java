package dev.lectavera.auth.event;

import dev.lectavera.auth.model.OutboxEvent;
import dev.lectavera.auth.repository.OutboxEventRepository;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Writes events into the outbox in the caller's transaction: the event exists if and only if the change does. */
@ApplicationScoped
public class OutboxWriter {

    /** CloudEvents {@code source} of every event auth-service produces. */
    public static final String SOURCE = "/auth-service";

    private final OutboxEventRepository outbox;
    private final Event<OutboxAppended> appended;

    OutboxWriter(OutboxEventRepository outbox, Event<OutboxAppended> appended) {
        this.outbox = outbox;
        this.appended = appended;
    }

    /** Publishes {@code payload} about the aggregate {@code subject} (also the Kafka key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope<?> append(UUID subject, Object payload) {
        EventEnvelope<Object> envelope = EventEnvelope.of(SOURCE, subject.toString(), payload);
        EventType type = envelope.eventType();
        outbox.persist(new OutboxEvent(envelope.id(), type.topic(), envelope.subject(), type.type(),
                EventJson.write(envelope)));
        appended.fire(new OutboxAppended(envelope.id()));
        return envelope;
    }
}
