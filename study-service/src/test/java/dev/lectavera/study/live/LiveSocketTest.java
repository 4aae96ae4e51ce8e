package dev.lectavera.study.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectavera.study.redis.RedisKeys;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.OutboxRows;
import dev.lectavera.study.support.RespClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.lectavera.study.support.StudyTest.api;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WebSocket: authentication, streamed answers, fan-out through Redis, progress relay, rate limit, archiving. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSocketTest {

    private static final int POLICY_VIOLATION = 1008;
    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final RedisDataSource redis;
    private final AgroalDataSource dataSource;
    private final SessionEventPublisher publisher;
    private final OutboxRows outbox;
    private Users user;
    private UUID document;

    LiveSocketTest(RedisDataSource redis, AgroalDataSource dataSource, SessionEventPublisher publisher) {
        this.redis = redis;
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.outbox = new OutboxRows(dataSource);
    }

    @BeforeAll
    void indexOneDocument() {
        user = Users.random();
        document = Documents.indexedBiology(user);
    }

    @Test
    void aConnectionWithoutAValidTokenOrToAnotherUsersSessionIsClosedWith1008() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        Users stranger = Users.random();
        List<String> refused = List.of(
                api.wsUrl(session, null),
                api.wsUrl(session, "not-a-jwt"),
                api.wsUrl(session, user.forgedToken()),
                api.wsUrl(session, Users.of(user.id(), -600).token()),
                api.wsUrl(session, stranger.token()),
                api.wsUrl(UUID.randomUUID(), user.token()),
                api.wsUrl(session, user.token()).replace(session.toString(), "not-a-session"));
        for (String url : refused) {
            try (LiveClient client = LiveClient.connect(url)) {
                assertEquals(POLICY_VIOLATION, client.awaitClose(), url);
                assertTrue(client.events("ready").isEmpty());
            }
        }
    }

    @Test
    void anAnswerStreamsToEveryConnectionOfTheSessionThroughRedis() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        List<String> onRedis = new CopyOnWriteArrayList<>();
        try (RespClient subscriber = RespClient.local();
             LiveClient asker = LiveClient.connectReady(api.wsUrl(session, user.token()));
             LiveClient watcher = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            Thread listener = subscriber.recordChannel(RedisKeys.sessionChannel(session), onRedis);

            asker.ask(TestPdfs.PAGE_3_QUESTION);
            JsonNode complete = asker.awaitEvent("complete", e -> true);
            JsonNode seen = watcher.awaitEvent("complete", e -> true);
            assertEquals(complete, seen, "both connections get the same events");

            for (LiveClient client : List.of(asker, watcher)) {
                List<String> types = client.received().stream().map(LiveClient.Received::type)
                        .filter(t -> !t.equals("ready")).toList();
                assertEquals("thinking", types.getFirst(), types.toString());
                assertEquals("complete", types.getLast(), types.toString());
                assertTrue(types.indexOf("chunk") < types.indexOf("citation"), types.toString());
                assertTrue(types.stream().filter(t -> t.equals("chunk")).count() >= 1);
            }
            assertEquals("CORRECT", complete.get("verdict").asText());
            assertEquals(false, complete.get("cached").asBoolean());
            assertTrue(complete.get("citations").size() >= 1);
            assertEquals(3, complete.get("citations").get(0).get("page").asInt());
            StringBuilder streamed = new StringBuilder();
            asker.events("chunk").forEach(c -> streamed.append(c.get("delta").asText()));
            assertEquals(complete.get("content").asText(), streamed.toString());
            assertEquals(asker.events("citation").size(), complete.get("citations").size());
            JsonNode thinking = asker.events("thinking").getFirst();
            assertEquals(TestPdfs.PAGE_3_QUESTION, thinking.get("question").get("content").asText());
            assertEquals(complete.get("messageId"), thinking.get("messageId"));

            // acknowledged means stored: the completed answer is already in PostgreSQL
            List<String> stored = api.history(user, session).statusCode(200).extract().jsonPath()
                    .getList("messages.id");
            assertEquals(List.of(thinking.get("question").get("id").asText(), complete.get("messageId").asText()),
                    stored);
            // the fan-out went through the session's Redis channel
            await().atMost(EVENTUAL).until(() -> onRedis.stream().anyMatch(m -> m.contains("\"complete\"")));
            listener.interrupt();
        }
    }

    @Test
    void aCachedAnswerArrivesWholeRightAfterItsThinkingEvent() {
        StudyApi api = api();
        Users asker = Users.random();
        UUID biology = Documents.indexedBiology(asker);
        api.ask(asker, api.newSession(asker, biology), TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.cached", equalTo(false));
        UUID session = api.newSession(asker, biology);
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, asker.token()))) {
            client.ask(TestPdfs.PAGE_3_QUESTION);
            JsonNode complete = client.awaitEvent("complete", e -> true);
            assertTrue(complete.get("cached").asBoolean());
            List<String> types = client.received().stream().map(LiveClient.Received::type)
                    .filter(t -> !t.equals("ready")).toList();
            List<String> expected = new ArrayList<>(List.of("thinking", "chunk"));
            complete.get("citations").forEach(c -> expected.add("citation"));
            expected.add("complete");
            assertEquals(expected, types);
            assertEquals(complete.get("content").asText(), client.events("chunk").getFirst().get("delta").asText());
            JsonNode thinking = client.events("thinking").getFirst();
            assertEquals(complete.get("messageId"), thinking.get("messageId"));
            assertEquals(thinking.get("question").get("id"), complete.get("questionId"));
            // announced means stored: both messages are already in PostgreSQL
            assertEquals(List.of(thinking.get("question").get("id").asText(), complete.get("messageId").asText()),
                    api.history(asker, session).statusCode(200).extract().jsonPath().getList("messages.id"));
        }
    }

    @Test
    void aSessionsEventsArriveInTheOrderTheyWerePublishedThoughNobodyWaitsForRedis() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        UUID message = UUID.randomUUID();
        int count = 300;
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            List<String> published = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // published faster than Redis confirms them: each waits for the one before it
                published.add(Integer.toString(i));
                publisher.publish(session, new LiveEvents.Chunk(session, message, published.getLast()));
            }
            await().atMost(EVENTUAL).until(() -> client.events("chunk").size() >= count);
            assertEquals(published, client.events("chunk").stream().map(e -> e.get("delta").asText()).toList());
            // nothing kept once the last publish was confirmed
            await().atMost(EVENTUAL).until(() -> publisher.sessionsInFlight() == 0);
        }
    }

    @Test
    void anEventPublishedByAnotherInstanceReachesEveryLocalConnection() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        try (LiveClient first = LiveClient.connectReady(api.wsUrl(session, user.token()));
             LiveClient second = LiveClient.connectReady(api.wsUrl(session, user.token()));
             LiveClient otherSession = LiveClient.connectReady(api.wsUrl(api.newSession(user, document), user.token()));
             RespClient otherInstance = RespClient.local()) {
            String event = "{\"type\":\"chunk\",\"sessionId\":\"" + session + "\",\"messageId\":\"" + UUID.randomUUID()
                    + "\",\"delta\":\"from elsewhere\"}";
            otherInstance.command("PUBLISH", RedisKeys.sessionChannel(session), event);
            first.awaitEvent("chunk", e -> e.get("delta").asText().equals("from elsewhere"));
            second.awaitEvent("chunk", e -> e.get("delta").asText().equals("from elsewhere"));
            assertTrue(otherSession.events("chunk").isEmpty(), "another session's connection gets nothing");
        }
    }

    @Test
    void documentProgressIsRelayedToTheUsersConnections() {
        StudyApi api = api();
        Users owner = Users.random();
        UUID firstDocument = Documents.indexedBiology(owner);
        UUID session = api.newSession(owner, firstDocument);
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, owner.token()));
             RespClient documentService = RespClient.local()) {
            documentService.command("PUBLISH", RedisKeys.userChannel(owner.id()), "not json");
            documentService.command("PUBLISH", RedisKeys.userChannel(owner.id()),
                    "{\"type\":\"something.else\"}");
            // the real thing: document-service reports the processing of a new upload
            UUID uploaded = Documents.upload(owner, TestPdfs.biology());
            JsonNode progress = client.awaitEvent("document.progress",
                    e -> e.get("documentId").asText().equals(uploaded.toString()));
            assertTrue(List.of("QUEUED", "PROCESSING", "INDEXED").contains(progress.get("status").asText()));
            Documents.awaitFinalStatus(owner, uploaded);
            assertTrue(client.received().stream().noneMatch(r -> r.type().equals("something.else")
                    || r.type().equals("unparseable")));
        }
    }

    @Test
    void badMessagesGetErrorsAndPingGetsPong() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            client.send("not json");
            client.awaitEvent("error", e -> e.get("code").asText().equals("invalid_message"));
            client.send("{\"type\":\"dance\"}");
            client.awaitEvent("error", e -> e.get("code").asText().equals("unknown_type"));
            client.send("{\"type\":\"ask\",\"content\":\"  \"}");
            client.send("{\"type\":\"ask\",\"content\":\"" + "x".repeat(4001) + "\"}");
            await().atMost(EVENTUAL).until(() -> client.events("error").stream()
                    .filter(e -> e.get("code").asText().equals("invalid_message")).count() == 3);
            client.send("{\"type\":\"token\",\"token\":\"" + Users.random().token() + "\"}");
            client.awaitEvent("error", e -> e.get("code").asText().equals("invalid_token"));
            client.send("{\"type\":\"ping\"}");
            client.awaitEvent("pong", e -> true);
            assertTrue(client.events("thinking").isEmpty());
        }
        api.session(user, session).statusCode(200).body("messageCount", equalTo(0));
    }

    @Test
    void theChatRateLimitAppliesToWebSocketQuestions() {
        StudyApi api = api();
        Users limited = Users.random();
        UUID session = api.newSession(limited, Documents.indexedBiology(limited));
        redis.value(String.class).setex(RedisKeys.chatRate(limited.id()), 60, "20");
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, limited.token()))) {
            client.ask(TestPdfs.PAGE_3_QUESTION);
            JsonNode error = client.awaitEvent("error", e -> e.get("code").asText().equals("rate_limited"));
            assertTrue(error.get("retryAfter").asLong() >= 1);
            assertTrue(client.events("thinking").isEmpty());
        }
        api.session(limited, session).statusCode(200).body("messageCount", equalTo(0));
    }

    @Test
    void aSessionIsArchivedOnceItsLastConnectionClosed() {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        LiveClient first = LiveClient.connectReady(api.wsUrl(session, user.token()));
        try (LiveClient second = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            first.close();
            await().atMost(EVENTUAL).until(() -> redis.sortedSet(String.class).zcard(RedisKeys.presence(session)) == 1);
            // another connection is open: well past the grace period, still active
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                    api.session(user, session).statusCode(200).body("status", equalTo("ACTIVE")));
        }
        await().atMost(EVENTUAL).untilAsserted(() ->
                api.session(user, session).statusCode(200).body("status", equalTo("ARCHIVED")));
        await().atMost(EVENTUAL).until(() -> outbox.of(OutboxRows.CHAT_ARCHIVED, session).size() == 1);
    }

    @Test
    void anIdleSessionIsArchived() throws Exception {
        StudyApi api = api();
        UUID session = api.newSession(user, document);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE chat_session SET last_activity_at = now() - interval '2 hours' WHERE id = ?")) {
            ps.setObject(1, session);
            assertEquals(1, ps.executeUpdate());
        }
        await().atMost(EVENTUAL).untilAsserted(() ->
                api.session(user, session).statusCode(200).body("status", equalTo("ARCHIVED")));
        List<OutboxRows.Row> archived = outbox.of(OutboxRows.CHAT_ARCHIVED, session);
        assertEquals(1, archived.size());
        assertEquals(0, archived.getFirst().data().get("messageCount").asInt());
        assertFalse(archived.getFirst().data().get("endedAt").isNull());
    }
}
