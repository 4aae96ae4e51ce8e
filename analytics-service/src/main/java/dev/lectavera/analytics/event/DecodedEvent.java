package dev.lectavera.analytics.event;

import dev.lectavera.contracts.EventEnvelope;

import java.util.UUID;

/** What a Kafka record turned out to be: an event to apply, or something to log and skip. */
public sealed interface DecodedEvent {

    /** A known event with the fields its read model needs; {@code userId} is whose figures it changes. */
    record Accepted(EventEnvelope<?> envelope, UUID userId) implements DecodedEvent {
    }

    /** Not applicable: unknown type (e.g. a newer version), not an event at all, or missing fields. */
    record Rejected(Reason reason, String detail) implements DecodedEvent {
    }

    enum Reason {
        UNKNOWN_TYPE, MALFORMED, INVALID_PAYLOAD
    }
}
