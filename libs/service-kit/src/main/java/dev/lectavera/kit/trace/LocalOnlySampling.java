package dev.lectavera.kit.trace;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * While spans stay in the process ({@link LocalOnlySpans}, same condition), they are not recorded either, unless
 * the caller's {@code traceparent} says its trace is sampled (a gateway that exports). A span that is not sampled
 * still has its trace and span ids, so the logs and the {@code traceparent} of outgoing calls and events keep them;
 * what is saved is the attributes, events and span processing of every request (docs/PERFORMANCE.md).
 */
@Singleton
public class LocalOnlySampling {

    @Produces
    @Unremovable
    @Singleton
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = "http://localhost:4317/",
            lookupIfMissing = true)
    Sampler recordOnlySampledTraces() {
        return Sampler.parentBased(Sampler.alwaysOff());
    }
}
