package dev.lectavera.study.live;

import dev.lectavera.study.support.CollectedSpans;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.lectavera.study.support.StudyTest.api;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ask over the WebSocket is followed by the trace of the socket's upgrade request (the gateway sends its
 * {@code traceparent} there): the socket's work runs in spans of that trace, and so does the call to document-service.
 */
@QuarkusTest
class SocketTraceTest {

    private final CollectedSpans spans;

    SocketTraceTest(CollectedSpans spans) {
        this.spans = spans;
    }

    @Test
    void anAskOverTheSocketContinuesTheTraceOfTheUpgrade() {
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        try (LiveClient asker = LiveClient.connect(api.wsUrl(session, user.token()), Map.of("traceparent", traceparent))) {
            asker.awaitEvent("ready", e -> true);
            asker.ask(TestPdfs.PAGE_3_QUESTION);
            asker.awaitEvent("complete", e -> true);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> trace = spans.trace(traceId);
            List<String> names = trace.stream().map(span -> span.getKind() + " " + span.getName()).toList();
            assertTrue(trace.stream().filter(span -> span.getName().equals("study socket work")).count() >= 2,
                    "the open and the ask each ran in a span of the upgrade's trace: " + names);
            assertTrue(trace.stream().anyMatch(span -> span.getKind() == SpanKind.CLIENT
                            && span.getName().endsWith("/api/v1/documents/search")),
                    "the ask's retrieval call to document-service is in the trace: " + names);
        });
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never the all-zero (invalid) id
        return bytes;
    }
}
