package dev.lectavera.analytics.ops;

import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without an OTLP endpoint (as here) the service kit's sampler records no span, and a span still has the ids that
 * the logs and the outgoing traceparent carry (libs/service-kit trace/LocalOnlySampling).
 */
@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class UnexportedSpansTest {

    @Inject
    Tracer tracer;

    @Test
    void aSpanIsNotRecordedButKeepsItsIds() {
        Span span = tracer.spanBuilder("unexported").startSpan();
        try {
            assertFalse(span.isRecording(), "recorded although nothing is exported");
            assertTrue(span.getSpanContext().isValid(), "trace and span ids exist");
        } finally {
            span.end();
        }
    }
}
