package dev.lectavera.kit.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraceparentPropagationTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final OpenTelemetry TELEMETRY =
            OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));

    private static MultivaluedMap<String, Object> filtered(boolean instrumented) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(
                ClientRequestContext.class.getClassLoader(), new Class<?>[]{ClientRequestContext.class},
                (proxy, method, args) -> method.getName().equals("getHeaders") ? headers : null);
        Span current = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getDefault(), TraceState.getDefault()));
        try (Scope ignored = current.makeCurrent()) {
            new TraceparentPropagation(TELEMETRY, instrumented).filter(request);
        }
        return headers;
    }

    @Test
    void withoutTheInstrumentationACallCarriesTheCurrentSpansTraceparent() {
        assertEquals("00-" + TRACE + "-" + SPAN + "-00", filtered(false).getFirst("traceparent"));
    }

    @Test
    void withTheInstrumentationOnItLeavesTheHeadersToIt() {
        assertNull(filtered(true).getFirst("traceparent"));
    }
}
