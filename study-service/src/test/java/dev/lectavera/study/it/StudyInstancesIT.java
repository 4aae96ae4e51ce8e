package dev.lectavera.study.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectavera.study.redis.RedisKeys;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.Percentiles;
import dev.lectavera.study.support.RespClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.StudyServiceProcess;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two study-service processes (the packaged jar) sharing PostgreSQL, Redis and Kafka, with the real
 * document-service: a session is live on both instances through Redis pub/sub, and its history survives losing
 * its Redis keys and a restart of the instance that wrote it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyInstancesIT {

    private StudyServiceProcess first;
    private StudyServiceProcess second;
    private Users user;
    private UUID document;

    @BeforeAll
    void startTwoInstances() {
        Assumptions.assumeTrue(Boolean.getBoolean("lectavera.packaged-tests"),
                "runs in the integration-test phase (failsafe), against the packaged jar");
        first = StudyServiceProcess.start("it-a");
        second = StudyServiceProcess.start("it-b");
        user = Users.random();
        document = Documents.indexedBiology(user);
    }

    @AfterAll
    void stopThem() {
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
    }

    @Test
    void clientsOnTwoInstancesSeeTheSameAnswerStream() {
        UUID session = first.api().newSession(user, document);
        Percentiles skew = new Percentiles("fan-out between two instances, same event at client on A vs client on B");
        Percentiles probes = new Percentiles("fan-out between two instances, Redis publish to clients on A and B");
        try (LiveClient onFirst = LiveClient.connectReady(first.api().wsUrl(session, user.token()));
             LiveClient onSecond = LiveClient.connectReady(second.api().wsUrl(session, user.token()));
             RespClient redis = RespClient.local()) {
            onFirst.ask(TestPdfs.PAGE_3_QUESTION);
            JsonNode completeOnFirst = onFirst.awaitEvent("complete", e -> true);
            JsonNode completeOnSecond = onSecond.awaitEvent("complete", e -> true);
            assertEquals(completeOnFirst, completeOnSecond);
            assertEquals(events(onFirst), events(onSecond), "the same events in the same order");
            assertEquals("CORRECT", completeOnFirst.get("verdict").asText());

            // an HTTP question on the second instance reaches the client on the first
            second.api().ask(user, session, TestPdfs.UNRELATED_QUESTION).statusCode(200);
            onFirst.awaitEvent("complete", e -> e.get("verdict").asText().equals("NOT_FOUND"));

            List<LiveClient.Received> a = onFirst.received();
            List<LiveClient.Received> b = onSecond.received();
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (a.get(i).event().equals(b.get(i).event()) && !a.get(i).type().equals("ready")) {
                    skew.addNanos(Math.abs(a.get(i).nanos() - b.get(i).nanos()));
                }
            }
            for (int i = 0; i < 200; i++) {
                String marker = "probe-" + i;
                long published = System.nanoTime();
                redis.command("PUBLISH", RedisKeys.sessionChannel(session),
                        "{\"type\":\"probe\",\"marker\":\"" + marker + "\"}");
                LiveClient.Received x = onFirst.awaitReceived("probe", e -> e.get("marker").asText().equals(marker));
                LiveClient.Received y = onSecond.awaitReceived("probe", e -> e.get("marker").asText().equals(marker));
                probes.addNanos(Math.max(x.nanos(), y.nanos()) - published);
            }
        }
        skew.report();
        probes.report();
        assertEquals(200, probes.count());
    }

    @Test
    void historySurvivesLosingRedisAndARestartOfTheInstanceThatWroteIt() {
        StudyApi api = first.api();
        UUID session = api.newSession(user, document);
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200);
        api.ask(user, session, "How is it folded?").statusCode(200);
        List<String> ids = api.history(user, session).statusCode(200).body("messages", hasSize(4))
                .extract().jsonPath().getList("messages.id");

        try (RespClient redis = RespClient.local()) {
            // this session's Redis state is gone (the shared Redis also serves other tests: only our keys)
            redis.command("DEL", RedisKeys.window(session), RedisKeys.presence(session));
            assertEquals(0L, redis.command("EXISTS", RedisKeys.window(session)));
            first.stop();
            second.api().messages(user, session, "").statusCode(200).body("items.id", equalTo(ids));
            first.start();
            api.history(user, session).statusCode(200).body("messages.id", equalTo(ids));
            api.messages(user, session, "?after=" + ids.get(1)).statusCode(200).body("items.id", equalTo(ids.subList(2, 4)));
            assertEquals(1L, redis.command("EXISTS", RedisKeys.window(session)), "the window was rebuilt");
        }
        // and the session goes on
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200);
        api.history(user, session).statusCode(200).body("messages", hasSize(6));
        second.api().session(user, session).statusCode(200).body("messageCount", equalTo(6));
    }

    private static List<String> events(LiveClient client) {
        return client.received().stream().filter(r -> !r.type().equals("ready"))
                .map(r -> r.event().toString()).collect(Collectors.toList());
    }
}
