package dev.lectavera.study.bench;

import dev.lectavera.study.redis.RedisKeys;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.Percentiles;
import dev.lectavera.study.support.RespClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.lectavera.study.support.StudyTest.api;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measurements for the record (target/measurements.txt), on whatever machine runs the build: they are
 * reported, not asserted. The rate limit is lifted between questions by deleting this user's counter.
 */
@QuarkusTest
class LatencyMeasurementsTest {

    private static final List<String> QUESTIONS = List.of(
            "What does the mitochondrion produce?",
            "What is the cell membrane made of?",
            "What do chloroplasts capture?",
            "Where do the light reactions take place?",
            "What does mitosis divide?",
            "How many gametes does meiosis create?",
            "What is folded into cristae?",
            "What act as channels and pumps in the membrane?",
            "What is the energy currency of the cell?",
            "What do chloroplasts convert carbon dioxide and water into?");

    @Test
    void offlineStreamingCachedAnswersAndFanOut() {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = api.newSession(user, Documents.indexedBiology(user));
        Percentiles firstChunk = new Percentiles("offline provider, WebSocket ask to first chunk");
        Percentiles complete = new Percentiles("offline provider, WebSocket ask to complete");
        Percentiles fanOut = new Percentiles("fan-out, Redis publish to both WebSocket clients (one instance)");
        Percentiles cached = new Percentiles("cached answer, HTTP POST .../messages round trip");

        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()));
             LiveClient second = LiveClient.connectReady(api.wsUrl(session, user.token()));
             RespClient redis = RespClient.local()) {
            for (String question : QUESTIONS) {
                redis.command("DEL", RedisKeys.chatRate(user.id()));
                int before = client.events("complete").size();
                long sent = System.nanoTime();
                client.ask(question);
                await().atMost(LiveClient.TIMEOUT).until(() -> client.events("complete").size() > before);
                LiveClient.Received done = client.received().stream().filter(r -> r.type().equals("complete"))
                        .reduce((x, y) -> y).orElseThrow();
                LiveClient.Received first = client.received().stream()
                        .filter(r -> r.type().equals("chunk") && r.event().get("messageId").equals(done.event().get("messageId")))
                        .findFirst().orElseThrow();
                firstChunk.addNanos(first.nanos() - sent);
                complete.addNanos(done.nanos() - sent);
            }

            for (int i = 0; i < 200; i++) {
                String marker = "probe-" + i;
                long published = System.nanoTime();
                redis.command("PUBLISH", RedisKeys.sessionChannel(session),
                        "{\"type\":\"probe\",\"marker\":\"" + marker + "\"}");
                LiveClient.Received a = client.awaitReceived("probe", e -> e.get("marker").asText().equals(marker));
                LiveClient.Received b = second.awaitReceived("probe", e -> e.get("marker").asText().equals(marker));
                fanOut.addNanos(Math.max(a.nanos(), b.nanos()) - published);
            }

            api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200);
            for (int i = 0; i < 100; i++) {
                if (i % 15 == 0) {
                    redis.command("DEL", RedisKeys.chatRate(user.id()));
                }
                long start = System.nanoTime();
                api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200).body("answer.cached", equalTo(true));
                cached.addNanos(System.nanoTime() - start);
            }
        }
        for (Percentiles p : List.of(firstChunk, complete, cached, fanOut)) {
            p.report();
        }
        assertEquals(QUESTIONS.size(), complete.count());
        assertEquals(200, fanOut.count());
        assertEquals(100, cached.count());
    }
}
