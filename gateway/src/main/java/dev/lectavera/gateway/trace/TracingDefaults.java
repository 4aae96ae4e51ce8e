package dev.lectavera.gateway.trace;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Switches the OpenTelemetry SDK off while no spans are exported ({@code gateway.traces.otlp-endpoint}, from
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, is {@code none}). Quarkus' HTTP instrumentation extracts every
 * span's attributes and sets its context before the sampler can say "not recorded", about a tenth of the gateway's
 * CPU per request (docs/PERFORMANCE.md); {@code quarkus.otel.sdk.disabled} is read at run time, so the same jar
 * traces fully when an endpoint is set. Without the SDK, {@link TracePropagation} gives each request its trace ids
 * itself ({@link EdgeTrace}).
 * <p>
 * An interceptor rather than a property: it answers only when nobody set {@code quarkus.otel.sdk.disabled} (an explicit
 * value anywhere wins over Quarkus' default and this one), and it sees the endpoint from wherever it comes (environment,
 * properties, test resources). Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}; an
 * application priority, so it runs before the expression and profile interceptors and reads the endpoint expanded.
 */
@Priority(Priorities.APPLICATION)
public class TracingDefaults implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "gateway.traces.otlp-endpoint";
    /** What application.properties sets {@link #ENDPOINT} from. */
    static final String ENDPOINT_ENV = "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    /** Below every source a person writes to (properties 250, .env 295, environment 300, system 400): defaults. */
    private static final int DEFAULTS_ORDINAL = 100;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || (value != null && value.getConfigSourceOrdinal() >= DEFAULTS_ORDINAL)) {
            return value;
        }
        if (exporting(valueOf(context.proceed(ENDPOINT)), valueOf(context.proceed(ENDPOINT_ENV)))) {
            return value;
        }
        return ConfigValue.builder().withName(name).withValue("true")
                .withConfigSourceName("gateway trace defaults (no OTLP endpoint: no SDK)")
                .withConfigSourceOrdinal(DEFAULTS_ORDINAL - 1).build();
    }

    /**
     * Whether spans are exported. {@code endpoint}: {@link #ENDPOINT} (possibly the unexpanded expression of
     * application.properties); {@code endpointEnv}: the variable that expression reads.
     */
    static boolean exporting(String endpoint, String endpointEnv) {
        if (endpoint != null && endpoint.contains("${")) {
            endpoint = endpointEnv;
        }
        return endpoint != null && !endpoint.isBlank() && !endpoint.trim().equals(TracePropagation.NO_ENDPOINT);
    }

    private static String valueOf(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
