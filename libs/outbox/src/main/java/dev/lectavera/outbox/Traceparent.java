package dev.lectavera.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.util.Optional;

/**
 * The W3C {@code traceparent} of the current span, when the service traces and a span is current. The OpenTelemetry
 * API is optional on the class path: {@link #current()} looks for it once and touches it only when it is there.
 */
public final class Traceparent {

    /** The Kafka header (and CloudEvents distributed-tracing attribute) that carries it. */
    public static final String HEADER = "traceparent";

    private static final boolean TRACING_ON_CLASS_PATH = isPresent("io.opentelemetry.api.trace.Span");

    private Traceparent() {
    }

    public static Optional<String> current() {
        return TRACING_ON_CLASS_PATH ? OpenTelemetry.current() : Optional.empty();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Traceparent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when OpenTelemetry is on the class path; the outer class names none of its types. */
    static final class OpenTelemetry {

        private OpenTelemetry() {
        }

        static Optional<String> current() {
            return of(Span.current().getSpanContext());
        }

        /** {@code 00-<trace id>-<span id>-<flags>}, version 00 of the W3C Trace Context format. */
        static Optional<String> of(SpanContext context) {
            if (context == null || !context.isValid()) {
                return Optional.empty();
            }
            return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                    + context.getTraceFlags().asHex());
        }
    }
}
