package dev.lectavera.gateway.trace;

import dev.lectavera.gateway.config.GatewayConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

/**
 * Gives every request on the public port its trace and carries it on to the upstream: same trace id, the gateway's
 * hop as the parent. The proxy's own HTTP clients are not traced (their requests are the proxied request, not new
 * work), so the request to the service gets its W3C headers from here, and whatever trace headers the client sent
 * are replaced, never passed on as they were.
 * <ul>
 *   <li><b>Exporting</b> ({@code gateway.traces.otlp-endpoint} set): Quarkus' instrumentation gives the request a
 *   server span (continuing the client's {@code traceparent}), sets the log MDC, and the span's context is forwarded.</li>
 *   <li><b>Not exporting</b> (the default): the SDK is off ({@link TracingDefaults}) and nothing is recorded. The
 *   ids are made here, as cheaply as possible ({@link EdgeTrace}), and put in the log MDC as {@code traceId} and
 *   {@code spanId} (console and JSON log lines, the access log), as the instrumentation would.</li>
 * </ul>
 */
@ApplicationScoped
public class TracePropagation {

    static final String NO_ENDPOINT = "none";
    private static final TextMapSetter<MultiMap> HEADERS = MultiMap::set;

    private final TextMapPropagator propagator;
    private final boolean exporting;

    TracePropagation(OpenTelemetry openTelemetry, GatewayConfig config) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.exporting = TracingDefaults.exporting(config.traces().otlpEndpoint(), null);
    }

    /** The request's trace; call it first, on the request's own context (later callbacks may run elsewhere). */
    public RequestTrace begin(HttpServerRequest request) {
        if (exporting) {
            Context span = Context.current();
            return headers -> propagator.inject(span, headers, HEADERS);
        }
        EdgeTrace trace = EdgeTrace.continueOrStart(request.getHeader(RequestTrace.TRACEPARENT),
                request.getHeader(RequestTrace.TRACESTATE), request.getHeader(RequestTrace.BAGGAGE));
        MDC.put("traceId", trace.traceId());
        MDC.put("spanId", trace.spanId());
        return trace;
    }
}
