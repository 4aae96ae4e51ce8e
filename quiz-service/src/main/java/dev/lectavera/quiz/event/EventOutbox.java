package dev.lectavera.quiz.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.quiz.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** Writes events in the caller's transaction; the relay publishes them once it commits. */
@ApplicationScoped
public class EventOutbox {

    public static final String SOURCE = "/quiz-service";

    private final OutboxRepository outbox;
    private final Event<OutboxSignal> signal;

    EventOutbox(OutboxRepository outbox, Event<OutboxSignal> signal) {
        this.outbox = outbox;
        this.signal = signal;
    }

    /** @param aggregateId the quiz id: the CloudEvent subject and the Kafka record key */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> add(String aggregateId, T payload) {
        EventEnvelope<T> envelope = EventEnvelope.of(SOURCE, aggregateId, payload);
        outbox.add(envelope);
        signal.fire(new OutboxSignal());
        return envelope;
    }
}
