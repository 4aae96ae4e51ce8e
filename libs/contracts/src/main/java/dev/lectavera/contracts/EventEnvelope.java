package dev.lectavera.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode.
 *
 * @param id      unique per event; consumers remember it to apply each event once
 * @param source  the producing service, e.g. {@code /auth-service}
 * @param subject the aggregate's id, also the Kafka record key (ordering per aggregate)
 * @param traceparent the W3C trace context of the producing transaction (CloudEvents distributed-tracing
 *                    extension), absent when the producer does not trace; left out of the JSON when null, so an
 *                    untraced event is byte for byte what it was before the attribute existed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope<T>(
        String specversion,
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        T data,
        String traceparent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    /** An event without trace context. */
    public EventEnvelope(String specversion, UUID id, String type, String source, String subject, Instant time,
                         String datacontenttype, T data) {
        this(specversion, id, type, source, subject, time, datacontenttype, data, null);
    }

    public static <T> EventEnvelope<T> of(String source, String subject, T data) {
        return new EventEnvelope<>(SPEC_VERSION, UUID.randomUUID(), EventType.of(data).type(), source, subject,
                Instant.now(), CONTENT_TYPE, data);
    }

    /** This event carrying the given trace context (null: none). */
    public EventEnvelope<T> withTraceparent(String traceparent) {
        return new EventEnvelope<>(specversion, id, type, source, subject, time, datacontenttype, data, traceparent);
    }

    public EventType eventType() {
        return EventType.fromType(type).orElseThrow(() -> new UnknownEventTypeException(type));
    }
}
