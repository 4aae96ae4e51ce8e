package dev.lectavera.kit.trace;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

import java.util.Set;

/**
 * While no span leaves the process (no OTLP traces endpoint, the condition of {@link LocalOnlySpans}), Quarkus'
 * per-request instrumentations of the HTTP server and of the Redis client default to off: they extract every
 * span's attributes before the sampler decides, which cost about a tenth of a service's CPU per request although
 * nothing is recorded (docs/PERFORMANCE.md). The caller's trace is still continued, by {@link TraceContinuation}.
 * <p>
 * Only the default changes: a value set anywhere (application.properties, environment, system property) wins, and
 * setting the endpoint turns both instrumentations back on. A config interceptor rather than a property line,
 * because the value depends on another property; it runs before the profile and expression interceptors
 * (lower priority value), so it sees resolved values.
 */
@Priority(Priorities.LIBRARY + 100)
public class UnexportedInstrumentation implements ConfigSourceInterceptor {

    static final String HTTP_SERVER = "quarkus.otel.instrument.vertx-http";
    static final String REDIS_CLIENT = "quarkus.otel.instrument.vertx-redis-client";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    /** Quarkus' own default endpoint, which {@link LocalOnlySpans} also reads as "not configured". */
    static final String DEFAULT_ENDPOINT = "http://localhost:4317/";
    /** Below the ordinal of the kit's microprofile-config.properties: a built-in default, not a setting. */
    private static final int DEFAULTS_ORDINAL = 100;
    private static final Set<String> INSTRUMENTATIONS = Set.of(HTTP_SERVER, REDIS_CLIENT);

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!INSTRUMENTATIONS.contains(name) || isSet(value) || exporting(context.proceed(ENDPOINT))) {
            return value;
        }
        return ConfigValue.builder().withName(name).withValue("false")
                .withConfigSourceName(UnexportedInstrumentation.class.getSimpleName())
                .withConfigSourceOrdinal(DEFAULTS_ORDINAL - 1).build();
    }

    static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && value.getConfigSourceOrdinal() >= DEFAULTS_ORDINAL;
    }

    static boolean exporting(ConfigValue endpoint) {
        String url = endpoint == null ? null : endpoint.getValue();
        return url != null && !url.isBlank() && !url.equals(DEFAULT_ENDPOINT);
    }
}
