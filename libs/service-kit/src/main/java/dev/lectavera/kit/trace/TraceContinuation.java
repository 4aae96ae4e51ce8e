package dev.lectavera.kit.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Continues the caller's trace while Quarkus' HTTP server instrumentation is off ({@link UnexportedInstrumentation}):
 * each request gets a span of its own, a child of the caller's {@code traceparent} (or a new trace without one),
 * current for the whole request, so that its log lines carry the trace and span ids and its outgoing calls and
 * outbox events carry its {@code traceparent}, as with the instrumentation. What it leaves out is the span's HTTP
 * attributes: with nothing exported they were computed for nobody. With the instrumentation on it does nothing.
 */
@Singleton
public class TraceContinuation {

    /** Before every other route: authentication and the resource method already run in the caller's trace. */
    static final int ORDER = Integer.MIN_VALUE;

    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean instrumented;

    TraceContinuation(OpenTelemetry openTelemetry,
                      @ConfigProperty(name = UnexportedInstrumentation.HTTP_SERVER, defaultValue = "true") boolean instrumented) {
        this.tracer = openTelemetry.getTracer(TraceContinuation.class.getName());
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.instrumented = instrumented;
    }

    void register(@Observes Router router) {
        if (!instrumented) {
            router.route().order(ORDER).handler(this::continueTrace);
        }
    }

    void continueTrace(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Context caller = propagator.extract(Context.root(), request, HEADERS);
        Span span = tracer.spanBuilder(request.method().name()).setParent(caller).setSpanKind(SpanKind.SERVER)
                .startSpan();
        Scope scope = caller.with(span).makeCurrent();
        routing.addEndHandler(ended -> {
            span.end();
            scope.close();
        });
        routing.next();
    }
}
