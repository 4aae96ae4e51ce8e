package dev.lectavera.analytics.ops;

import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without an OTLP endpoint (as here) the service kit's sampler records no span, and a span still has the ids that
 * the logs and the outgoing traceparent carry (libs/service-kit trace/LocalOnlySampling). Quarkus' HTTP server
 * instrumentation is off then, and the kit's trace/TraceContinuation continues the caller's trace instead.
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

    @Test
    void withoutAnEndpointQuarkusHttpAndRedisInstrumentationsAreOff() {
        assertEquals(false, ConfigProvider.getConfig().getValue("quarkus.otel.instrument.vertx-http", Boolean.class));
        assertEquals(false, ConfigProvider.getConfig().getValue("quarkus.otel.instrument.vertx-redis-client", Boolean.class));
    }

    @Test
    void aRequestContinuesTheCallersTraceInItsCodeAndItsLogLines() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        JsonPath seen = given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-00")
                .get("/test/current-trace")
                .then().statusCode(200)
                .body("traceId", equalTo(traceId))
                .body("spanId", not(equalTo(callerSpan)))
                .body("spanId", hasLength(16))
                .body("logTraceId", equalTo(traceId))
                .extract().jsonPath();
        assertEquals(seen.getString("spanId"), seen.getString("logSpanId"), "the log lines name the request's own span");
    }

    @Test
    void aRequestWithoutTraceparentStartsATrace() {
        given().get("/test/current-trace")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("traceId", hasLength(32));
    }
}
