package dev.lectavera.system;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One question asked through the gateway can be followed by one trace id: the gateway starts the trace, study-service
 * continues it (and calls document-service with it), and the QueryAnswered event carries it through the outbox and
 * Kafka to analytics-service's consumer. Every process exports its spans to the harness's {@link SpanCollector}.
 * A failure names the processes whose spans lack the trace id.
 */
@ExtendWith(LectaVeraSystem.class)
class TraceIT {

    private static final Duration PROCESSING = Duration.ofMinutes(2);
    private static final Duration EXPORT = Duration.ofSeconds(30);

    /** A student with an indexed document and a study session over it, made once for both tests. */
    private record Studying(String token, String sessionId) {
    }

    private static Studying studying;

    @Test
    void oneQuestionIsOneTraceFromTheGatewayToAnalytics(LectaVeraSystem.Running system) {
        String token = studying(system).token();
        String sessionId = studying(system).sessionId();

        Set<String> before = spanIds(system.spans().spans());
        // No traceparent from the client: the gateway starts the trace, as for a browser.
        given(system).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("content", "Which organelle produces ATP?"))
                .post("/api/v1/study/sessions/" + sessionId + "/messages")
                .then().statusCode(200);

        SpanCollector.Span ask = newStudySpan(system, before, "the ask's server span",
                span -> span.name().startsWith("POST") && span.name().endsWith("/messages"));
        String traceId = ask.traceId();

        await("gateway, study-service and document-service spans in trace " + traceId).atMost(EXPORT)
                .untilAsserted(() -> assertServices(system.spans(), traceId,
                        Set.of("gateway", "study-service", "document-service")));
        List<SpanCollector.Span> trace = system.spans().trace(traceId);
        Set<String> gatewaySpans = spanIds(trace, "gateway");
        Set<String> studySpans = spanIds(trace, "study-service");
        assertTrue(gatewaySpans.contains(ask.parentSpanId()),
                "study-service's server span continues a gateway span (its parent " + ask.parentSpanId()
                        + " is not among the gateway's " + gatewaySpans + ")");
        assertTrue(trace.stream().filter(span -> span.service().equals("document-service") && span.kind().equals("SPAN_KIND_SERVER"))
                        .anyMatch(span -> studySpans.contains(span.parentSpanId())),
                "a document-service server span is a child of a study-service span: " + describe(trace));

        // QueryAnswered: study's outbox stored the traceparent, its relay sent it as a Kafka header, and the
        // analytics consumer's span continues it (the relay's own producer is not instrumented: the header is the link).
        await("analytics-service's consumer span in trace " + traceId).atMost(PROCESSING).untilAsserted(() -> {
            List<SpanCollector.Span> now = system.spans().trace(traceId);
            Set<String> study = spanIds(now, "study-service");
            assertTrue(now.stream().anyMatch(span -> span.service().equals("analytics-service")
                            && span.kind().equals("SPAN_KIND_CONSUMER") && study.contains(span.parentSpanId())),
                    "no analytics-service consumer span whose parent is a study-service span; " + describe(now));
        });
    }

    /**
     * An ask over {@code /ws/study/...}: websockets-next gives the connection a span whose parent is the upgrade
     * request; the socket's work and the calls it makes continue that trace. Ask frames get no span of
     * their own (see docs/ARCHITECTURE.md, "Following a request").
     */
    @Test
    void aStudySocketIsInTheTraceOfItsUpgrade(LectaVeraSystem.Running system) {
        Studying student = studying(system);
        Set<String> before = spanIds(system.spans().spans());
        URI uri = URI.create("ws://" + system.gateway().getAuthority() + "/ws/study/" + student.sessionId()
                + "?token=" + student.token());
        try (LiveSocket socket = LiveSocket.open(uri)) {
            socket.ask("What does the nucleus store?");
            socket.awaitEvent("complete", event -> true);
        }

        SpanCollector.Span upgrade = newStudySpan(system, before, "the socket's upgrade span",
                span -> span.name().contains("/ws/study/"));
        // The gateway carries its span's traceparent on the upgrade (WebSocketEdgeTest proves it), but its server
        // span of a tunnelled upgrade is never exported: the tracer ends a span when its HTTP response ends, and a
        // request turned into a raw tunnel has none. So here: the socket's work and its calls are one trace.
        await("the socket's work and its document-service calls in one trace " + upgrade.traceId()).atMost(EXPORT)
                .untilAsserted(() -> assertServices(system.spans(), upgrade.traceId(),
                        Set.of("study-service", "document-service")));
    }

    private static synchronized Studying studying(LectaVeraSystem.Running system) {
        if (studying == null) {
            String token = registerAndLogin(system);
            String documentId = given(system).auth().oauth2(token)
                    .multiPart("file", "cells.pdf", StudyPdf.unique(), "application/pdf")
                    .post("/api/v1/documents")
                    .then().statusCode(202).extract().path("id");
            await("document indexed").atMost(PROCESSING).untilAsserted(() ->
                    given(system).auth().oauth2(token).get("/api/v1/documents/" + documentId + "/status")
                            .then().statusCode(200).body("status", equalTo("INDEXED")));
            String sessionId = given(system).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("title", "Traced", "documentIds", List.of(documentId)))
                    .post("/api/v1/study/sessions")
                    .then().statusCode(201).extract().path("id");
            studying = new Studying(token, sessionId);
        }
        return studying;
    }

    /** A study-service server span exported since {@code before} was taken, matching {@code what}. */
    private static SpanCollector.Span newStudySpan(LectaVeraSystem.Running system, Set<String> before, String description,
                                                   Predicate<SpanCollector.Span> what) {
        Supplier<List<SpanCollector.Span>> fresh = () -> system.spans().spans().stream()
                .filter(span -> !before.contains(span.spanId()) && span.service().equals("study-service")
                        && span.kind().equals("SPAN_KIND_SERVER"))
                .toList();
        await("study-service exported " + description).atMost(EXPORT).untilAsserted(() ->
                assertTrue(fresh.get().stream().anyMatch(what), "new study-service server spans: "
                        + fresh.get().stream().map(SpanCollector.Span::name).toList()));
        return fresh.get().stream().filter(what).findFirst().orElseThrow();
    }

    private static void assertServices(SpanCollector spans, String traceId, Set<String> expected) {
        List<SpanCollector.Span> trace = spans.trace(traceId);
        Set<String> present = trace.stream().map(SpanCollector.Span::service).collect(Collectors.toSet());
        List<String> missing = expected.stream().filter(service -> !present.contains(service)).sorted().toList();
        if (!missing.isEmpty()) {
            fail("no span of " + missing + " carries trace " + traceId + "; " + describe(trace)
                    + "; services exporting any span: " + spans.spans().stream().map(SpanCollector.Span::service)
                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
    }

    private static Set<String> spanIds(List<SpanCollector.Span> spans) {
        return spans.stream().map(SpanCollector.Span::spanId).collect(Collectors.toSet());
    }

    private static Set<String> spanIds(List<SpanCollector.Span> trace, String service) {
        return trace.stream().filter(span -> span.service().equals(service))
                .map(SpanCollector.Span::spanId).collect(Collectors.toSet());
    }

    private static String describe(List<SpanCollector.Span> trace) {
        Map<String, List<String>> byService = new TreeMap<>();
        trace.forEach(span -> byService.computeIfAbsent(span.service(), k -> new java.util.ArrayList<>())
                .add(span.kind().replace("SPAN_KIND_", "") + " " + span.name()));
        return "spans in the trace by service: " + byService;
    }

    private static String registerAndLogin(LectaVeraSystem.Running system) {
        String email = "traced-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery staple";
        given(system).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "fullName", "Traced Student"))
                .post("/api/v1/auth/register").then().statusCode(201);
        String token = given(system).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
        assertFalse(token.isBlank());
        return token;
    }

    private static RequestSpecification given(LectaVeraSystem.Running system) {
        return io.restassured.RestAssured.given().baseUri(system.gateway().toString());
    }
}
