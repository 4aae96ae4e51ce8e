package dev.lectavera.outbox;

import dev.lectavera.outbox.OutboxStore.PendingEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The trace hook without an OpenTelemetry SDK: a hand-made span context made current through the API alone. */
class TraceparentTest {

    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final String SPAN_ID = "b7ad6b7169203331";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    static Scope currentSpan() {
        SpanContext context = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
        return Span.wrap(context).makeCurrent();
    }

    @Test
    void aValidCurrentSpanGivesItsW3cTraceparent() {
        try (Scope ignored = currentSpan()) {
            assertEquals(Optional.of(TRACEPARENT), Traceparent.current());
        }
    }

    @Test
    void withoutACurrentSpanThereIsNone() {
        assertEquals(Optional.empty(), Traceparent.current());
        assertEquals(Optional.empty(), Traceparent.OpenTelemetry.of(SpanContext.getInvalid()));
    }

    @Test
    void anUnsampledSpanKeepsItsFlags() {
        SpanContext context = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getDefault(), TraceState.getDefault());
        assertEquals(Optional.of("00-" + TRACE_ID + "-" + SPAN_ID + "-00"), Traceparent.OpenTelemetry.of(context));
    }

    @Test
    void theRelaySendsTheStoredTraceparentAsAKafkaHeader() {
        PendingEvent traced = new PendingEvent(UUID.randomUUID(), "topic", "key", "type", "{}", TRACEPARENT);
        PendingEvent untraced = new PendingEvent(UUID.randomUUID(), "topic", "key", "type", "{}", null);

        ProducerRecord<String, String> record = OutboxRelay.record(traced);
        Header header = record.headers().lastHeader("traceparent");
        assertEquals(TRACEPARENT, new String(header.value(), StandardCharsets.UTF_8));
        assertEquals("key", record.key());
        assertEquals("{}", record.value());

        assertNull(OutboxRelay.record(untraced).headers().lastHeader("traceparent"));
    }
}
