package dev.lectavera.kit.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The other half of {@link TraceContinuation}: Quarkus' HTTP instrumentation also injected the {@code traceparent}
 * of every REST-client call, so while it is off ({@link UnexportedInstrumentation}) this filter does, from the
 * current context (study and quiz calling document-service). With the instrumentation on it does nothing.
 */
@Provider
public class TraceparentPropagation implements ClientRequestFilter {

    private static final TextMapSetter<MultivaluedMap<String, Object>> HEADERS =
            (headers, name, value) -> headers.putSingle(name, value);

    private final TextMapPropagator propagator;
    private final boolean instrumented;

    TraceparentPropagation(OpenTelemetry openTelemetry,
                           @ConfigProperty(name = UnexportedInstrumentation.HTTP_SERVER, defaultValue = "true") boolean instrumented) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.instrumented = instrumented;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!instrumented) {
            propagator.inject(Context.current(), request.getHeaders(), HEADERS);
        }
    }
}
