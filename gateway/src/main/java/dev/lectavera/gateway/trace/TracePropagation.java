package dev.lectavera.gateway.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Carries the gateway's trace on to the upstream. Quarkus gives every incoming request a server span (continuing
 * the client's {@code traceparent} when it sent one); the proxy's own HTTP clients are not traced (their requests
 * are the proxied request, not new work), so the request to the service gets the W3C headers of that server span
 * here: same trace id, the gateway's span as parent. Whatever trace headers the client sent are replaced, never
 * passed on as they were.
 */
@ApplicationScoped
public class TracePropagation {

    private static final TextMapSetter<MultiMap> HEADERS = MultiMap::set;
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    private static final String BAGGAGE = "baggage";

    private final TextMapPropagator propagator;

    TracePropagation(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The request's trace as the edge saw it on arrival (read it there: later callbacks may run elsewhere). */
    public Context current() {
        return Context.current();
    }

    /** Replaces the trace headers of the request about to be forwarded with those of {@code trace}. */
    public void inject(Context trace, MultiMap headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        headers.remove(BAGGAGE);
        propagator.inject(trace, headers, HEADERS);
    }
}
