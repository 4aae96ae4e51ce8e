package dev.lectavera.gateway.trace;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Where spans go. Quarkus fixes the exporter kind at build time and its OTLP exporter would otherwise send to
 * {@code localhost:4317} when no endpoint is configured, so the switch is made here, at run time: without
 * {@code quarkus.otel.exporter.otlp.traces.endpoint} (env {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) this
 * exporter, which drops every span, is the application's exporter and Quarkus installs no OTLP exporter; with an
 * endpoint this bean is not looked up and spans go to it over OTLP. Without an endpoint the SDK is normally off
 * altogether ({@link TracingDefaults}); these beans keep the export and the recording off should an operator switch it
 * on ({@code QUARKUS_OTEL_SDK_DISABLED=false}) without an endpoint.
 */
public class TraceExport {

    @Produces
    @Unremovable
    @Singleton
    @LookupIfProperty(name = "gateway.traces.otlp-endpoint", stringValue = "none", lookupIfMissing = true)
    SpanExporter dropEverySpan() {
        return SpanExporter.composite();
    }

    /**
     * While nothing is exported nothing is recorded either: a span that is not sampled still gets its trace and span
     * ids (logs and the forwarded {@code traceparent} keep them) but no attributes, events or processing, which cost
     * the gateway a measurable share of every request (docs/PERFORMANCE.md). Never parent-based: a client's
     * {@code traceparent} must not decide what the gateway spends.
     */
    @Produces
    @Unremovable
    @Singleton
    @LookupIfProperty(name = "gateway.traces.otlp-endpoint", stringValue = "none", lookupIfMissing = true)
    Sampler recordNoSpan() {
        return Sampler.alwaysOff();
    }
}
