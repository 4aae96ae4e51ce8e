package dev.lectavera.study.live;

import dev.lectavera.study.redis.RedisKeys;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.PrivateRedis;
import dev.lectavera.study.support.RespClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.lectavera.study.support.StudyTest.api;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis stopped and started again under a running instance (a private redis-server: the shared one is never
 * stopped): the fan-out resumes by itself — events published to Redis by "another instance" reach the local
 * socket again, this instance's answers go through Redis again, and every event arrives exactly once (no second,
 * forgotten subscription delivering duplicates). The subscriber's connection killed by Redis is replaced the same
 * way.
 */
@QuarkusTest
@TestProfile(FanOutRecoveryTest.OwnRedis.class)
class FanOutRecoveryTest {

    /** How long "a few seconds" may take on a loaded 2-core machine; the poll is 1 s. */
    private static final Duration RESUMES = Duration.ofSeconds(30);

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateRedis.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.timeout", "1s");
        }
    }

    private final AtomicInteger markers = new AtomicInteger();

    @Test
    void afterARedisRestartTheFanOutResumesAndDeliversEveryEventOnce() {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = api.newSession(user, Documents.indexedBiology(user));
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            awaitFanOut(client, session);

            PrivateRedis.shutdownServer(PrivateRedis.port());
            // Redis down: still answered, delivered on this instance
            client.ask(TestPdfs.PAGE_3_QUESTION);
            String whileDown = client.awaitEvent("complete", e -> true).get("messageId").asText();

            PrivateRedis.startServer(PrivateRedis.port());
            awaitFanOut(client, session);
            answerGoesThroughRedis(client, session, whileDown);
            everyEventOnce(client, session);
        }
    }

    @Test
    void aSubscriptionKilledByRedisIsReplaced() {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = api.newSession(user, Documents.indexedBiology(user));
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()));
             RespClient redis = PrivateRedis.client()) {
            awaitFanOut(client, session);
            assertTrue((Long) redis.command("CLIENT", "KILL", "TYPE", "pubsub") >= 1, "a subscriber was connected");
            awaitFanOut(client, session);
            everyEventOnce(client, session);
        }
    }

    /**
     * Redis stalls (CLIENT PAUSE) just as the instance subscribes again: the attempt cannot complete in time and is
     * given up, then completes once Redis goes on. Such a late subscription must be closed, not left delivering
     * beside its successor (every event twice) or holding a pooled connection for good.
     */
    @Test
    void aSubscriptionThatCompletesAfterItWasGivenUpIsClosed() {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = api.newSession(user, Documents.indexedBiology(user));
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()));
             RespClient redis = PrivateRedis.client()) {
            awaitFanOut(client, session);
            redis.command("CLIENT", "KILL", "TYPE", "pubsub");
            redis.command("CLIENT", "PAUSE", "10000", "ALL");
            awaitFanOut(client, session);
            everyEventOnce(client, session);
            await("one subscriber connection left").atMost(RESUMES).until(() -> fanOutSubscribers() == 1);
        }
    }

    /**
     * The fan-out's pattern subscriptions (the revocation mirror of service-kit holds a plain channel subscription of
     * its own, {@code psub=0}, which is not counted).
     */
    private static long fanOutSubscribers() {
        try (RespClient redis = PrivateRedis.client()) {
            return ((String) redis.command("CLIENT", "LIST", "TYPE", "pubsub")).lines()
                    .filter(line -> !line.isBlank() && !line.contains(" psub=0 "))
                    .count();
        }
    }

    /** Publishes a fresh marker to the session's channel every second until one reaches the socket. */
    private void awaitFanOut(LiveClient client, UUID session) {
        List<String> sent = new CopyOnWriteArrayList<>();
        await("fan-out through Redis").atMost(RESUMES).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    String marker = "m" + markers.incrementAndGet();
                    try (RespClient redis = PrivateRedis.client()) {
                        redis.command("PUBLISH", RedisKeys.sessionChannel(session), chunk(session, marker));
                    }
                    sent.add(marker);
                    return client.events("chunk").stream().anyMatch(e -> sent.contains(e.get("delta").asText()));
                });
    }

    /** This instance publishes its answers to Redis again (not only to its own sockets). */
    private static void answerGoesThroughRedis(LiveClient client, UUID session, String earlierAnswer) {
        List<String> onRedis = new CopyOnWriteArrayList<>();
        try (RespClient subscriber = PrivateRedis.client()) {
            Thread listener = subscriber.recordChannel(RedisKeys.sessionChannel(session), onRedis);
            // asked again (once the previous answer is in) until one answer is seen on the channel
            AtomicInteger asked = new AtomicInteger();
            await("an answer on the Redis channel").atMost(RESUMES).pollInterval(Duration.ofSeconds(1)).until(() -> {
                List<String> answers = client.events("complete").stream().map(e -> e.get("messageId").asText())
                        .filter(id -> !id.equals(earlierAnswer)).toList();
                if (onRedis.stream().anyMatch(m -> m.contains("\"complete\"") && answers.stream().anyMatch(m::contains))) {
                    return true;
                }
                if (answers.size() >= asked.get()) {
                    client.ask(TestPdfs.PAGE_3_QUESTION);
                    asked.incrementAndGet();
                }
                return false;
            });
            listener.interrupt();
        }
    }

    /** One more marker, then a fence behind it: each must arrive once, and stay once. */
    private void everyEventOnce(LiveClient client, UUID session) {
        String marker = "once-" + markers.incrementAndGet();
        String fence = "fence-" + markers.incrementAndGet();
        try (RespClient redis = PrivateRedis.client()) {
            redis.command("PUBLISH", RedisKeys.sessionChannel(session), chunk(session, marker));
            redis.command("PUBLISH", RedisKeys.sessionChannel(session), chunk(session, fence));
        }
        client.awaitEvent("chunk", e -> e.get("delta").asText().equals(fence));
        // a second subscription would deliver its copies right behind: the counts must stay at one
        await("no duplicate").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                count(client, marker) == 1 && count(client, fence) == 1);
        List<String> completes = client.events("complete").stream().map(e -> e.get("messageId").asText()).toList();
        assertEquals(completes.stream().distinct().count(), completes.size(), "each answer completed once");
    }

    private static long count(LiveClient client, String delta) {
        return client.events("chunk").stream().filter(e -> e.get("delta").asText().equals(delta)).count();
    }

    private static String chunk(UUID session, String marker) {
        return "{\"type\":\"chunk\",\"sessionId\":\"" + session + "\",\"messageId\":\"" + UUID.randomUUID()
                + "\",\"delta\":\"" + marker + "\"}";
    }
}
