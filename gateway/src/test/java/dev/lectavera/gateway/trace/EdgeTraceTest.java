package dev.lectavera.gateway.trace;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeTraceTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
    private static final String VALID = "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01";

    @Test
    void aValidTraceparentIsContinuedWithANewSpanAndNothingRecorded() {
        EdgeTrace trace = EdgeTrace.continueOrStart(VALID, "vendor=abc", null);
        assertEquals(TRACE_ID, trace.traceId());
        assertNotEquals(CLIENT_SPAN, trace.spanId());
        assertTrue(trace.spanId().matches("[0-9a-f]{16}") && !trace.spanId().equals("0000000000000000"), trace.spanId());
        assertEquals("00-" + TRACE_ID + "-" + trace.spanId() + "-00", trace.traceparent());
        assertEquals("vendor=abc", trace.traceState());
    }

    @Test
    void withoutAValidTraceparentANewTraceStartsAndTheClientsTracestateIsDropped() {
        for (String invalid : new String[]{null, "", "00-not-a-trace-01", VALID.toUpperCase(), VALID + "-x", VALID.substring(0, 54),
                "ff-" + TRACE_ID + "-" + CLIENT_SPAN + "-01", "00-" + "0".repeat(32) + "-" + CLIENT_SPAN + "-01",
                "00-" + TRACE_ID + "-" + "0".repeat(16) + "-01", "00_" + TRACE_ID + "-" + CLIENT_SPAN + "-01",
                "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-0g", "01-" + TRACE_ID + "-" + CLIENT_SPAN + "-01x"}) {
            EdgeTrace trace = EdgeTrace.continueOrStart(invalid, "vendor=abc", null);
            assertNotEquals(TRACE_ID, trace.traceId(), String.valueOf(invalid));
            assertTrue(trace.traceId().matches("[0-9a-f]{32}"), trace.traceId());
            assertNull(trace.traceState(), String.valueOf(invalid));
        }
    }

    @Test
    void aLaterVersionMayCarryMoreFields() {
        assertTrue(EdgeTrace.isValidTraceparent("01-" + TRACE_ID + "-" + CLIENT_SPAN + "-01-more"));
        assertTrue(EdgeTrace.isValidTraceparent("01-" + TRACE_ID + "-" + CLIENT_SPAN + "-01"));
        assertFalse(EdgeTrace.isValidTraceparent("00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01-more"));
    }

    @Test
    void tracestateAndBaggagePassOnlyWhenPrintableAndWithinSize() {
        assertNull(EdgeTrace.continueOrStart(VALID, "a=1\u0007", "k=v\u00e9").traceState());
        assertNull(EdgeTrace.continueOrStart(VALID, "a=" + "x".repeat(600), null).traceState());
        assertNull(EdgeTrace.continueOrStart(VALID, null, "k=" + "v".repeat(9000)).baggage());
        assertEquals("k=v", EdgeTrace.continueOrStart(null, null, "k=v").baggage());
    }

    @Test
    void eachNewTraceAndSpanHasItsOwnId() {
        Set<String> traces = new HashSet<>();
        Set<String> spans = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            EdgeTrace trace = EdgeTrace.continueOrStart(null, null, null);
            traces.add(trace.traceId());
            spans.add(trace.spanId());
        }
        assertEquals(1000, traces.size());
        assertEquals(1000, spans.size());
    }

    @Test
    void theClientsTraceHeadersAreReplacedNeverPassedOnAsSent() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("traceparent", VALID).add("traceparent", "00-junk").add("tracestate", "vendor=abc")
                .add("baggage", "user=mallory");
        EdgeTrace.continueOrStart(null, null, null).replaceHeaders(headers);
        assertEquals(1, headers.getAll("traceparent").size());
        assertFalse(headers.get("traceparent").contains(TRACE_ID));
        assertNull(headers.get("tracestate"));
        assertNull(headers.get("baggage"));
    }
}
