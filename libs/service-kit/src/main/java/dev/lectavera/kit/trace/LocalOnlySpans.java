package dev.lectavera.kit.trace;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * The span exporter while no OTLP endpoint is configured: spans stay in the process (trace and span
 * ids still reach the logs and the {@code traceparent} of outgoing calls and events), nothing is sent.
 * <p>
 * Why a bean rather than a property: Quarkus' OTLP exporter has no runtime off switch (its endpoint
 * defaults to localhost:4317, {@code quarkus.otel.traces.exporter} is fixed at build time, and
 * {@code quarkus.otel.sdk.disabled} would also stop propagation), but it stands aside when the
 * application offers its own {@link SpanExporter}. This one is offered only while
 * {@code quarkus.otel.exporter.otlp.traces.endpoint} is unset (or Quarkus' default, which it treats
 * as unset too): setting {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} turns OTLP export on.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = "http://localhost:4317/",
        lookupIfMissing = true)
public class LocalOnlySpans implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
