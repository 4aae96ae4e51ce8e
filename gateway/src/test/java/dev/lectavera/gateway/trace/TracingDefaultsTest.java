package dev.lectavera.gateway.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracingDefaultsTest {

    @Test
    void spansAreExportedOnlyWhenAnEndpointIsSet() {
        assertTrue(TracingDefaults.exporting("http://otel-collector:4317", null));
        assertFalse(TracingDefaults.exporting("none", null));
        assertFalse(TracingDefaults.exporting(" ", null));
        assertFalse(TracingDefaults.exporting(null, null));
    }

    @Test
    void anUnexpandedExpressionIsDecidedByTheVariableItReads() {
        String expression = "${QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:none}";
        assertTrue(TracingDefaults.exporting(expression, "http://otel-collector:4317"));
        assertFalse(TracingDefaults.exporting(expression, null));
        assertFalse(TracingDefaults.exporting(expression, "none"));
    }
}
