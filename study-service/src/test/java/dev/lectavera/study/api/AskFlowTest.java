package dev.lectavera.study.api;

import dev.lectavera.study.redis.RedisKeys;
import dev.lectavera.study.service.DocumentCatalog;
import dev.lectavera.study.service.rag.Answers;
import dev.lectavera.study.service.rag.CacheKeys;
import dev.lectavera.study.service.rag.ExtractiveAnswerer;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.OutboxRows;
import dev.lectavera.study.support.RespClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lectavera.study.support.StudyTest.api;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asking over HTTP against the real document-service: grounded answers with verified page citations, NOT_FOUND,
 * the answer cache and its invalidation by document events, follow-ups, polling and the live window.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskFlowTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final OutboxRows outbox;
    private final AgroalDataSource dataSource;
    private final RedisDataSource redis;
    private final DocumentCatalog catalog;
    private Users reader;
    private UUID biology;

    AskFlowTest(AgroalDataSource dataSource, RedisDataSource redis, DocumentCatalog catalog) {
        this.outbox = new OutboxRows(dataSource);
        this.dataSource = dataSource;
        this.redis = redis;
        this.catalog = catalog;
    }

    @BeforeAll
    void indexOneDocument() {
        reader = Users.random();
        biology = Documents.indexedBiology(reader);
    }

    @Test
    void aQuestionAboutPage3IsAnsweredFromPage3WithVerifiableQuotes() {
        StudyApi api = api();
        // a user of its own: the answer cache is per user, and this test wants the answer computed
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        UUID session = api.newSession(user, document);
        JsonPath exchange = api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("question.role", equalTo("USER"))
                .body("question.content", equalTo(TestPdfs.PAGE_3_QUESTION))
                .body("answer.role", equalTo("ASSISTANT"))
                .body("answer.verdict", equalTo("CORRECT"))
                .body("answer.model", equalTo(ExtractiveAnswerer.MODEL))
                .body("answer.cached", equalTo(false))
                .extract().jsonPath();

        assertTrue(exchange.getString("answer.content").contains(TestPdfs.PAGE_3_ANSWER_WORDS),
                exchange.getString("answer.content"));
        List<Map<String, Object>> citations = exchange.getList("answer.citations");
        assertFalse(citations.isEmpty());
        String page3 = Documents.pageText(user, document, 3);
        for (Map<String, Object> citation : citations) {
            assertEquals(3, citation.get("page"));
            assertEquals(document.toString(), citation.get("documentId"));
            assertEquals("Biology notes", citation.get("title"));
            String quote = (String) citation.get("quote");
            assertEquals(quote, page3.substring((Integer) citation.get("startOffset"), (Integer) citation.get("endOffset")),
                    "the quote is the page text at its offsets");
        }

        UUID answerId = UUID.fromString(exchange.getString("answer.id"));
        await().atMost(EVENTUAL).until(() -> outbox.of(OutboxRows.QUERY_ANSWERED, session).stream()
                .anyMatch(OutboxRows.Row::published));
        var event = outbox.of(OutboxRows.QUERY_ANSWERED, session).getFirst().data();
        assertEquals(answerId.toString(), event.get("messageId").asText());
        assertEquals(user.id().toString(), event.get("userId").asText());
        assertEquals("CORRECT", event.get("verdict").asText());
        assertFalse(event.get("cacheHit").asBoolean());
        assertEquals(citations.size(), event.get("citationCount").asInt());
        assertEquals(ExtractiveAnswerer.MODEL, event.get("model").asText());
        assertEquals(document.toString(), event.get("documentIds").get(0).asText());
        assertTrue(event.get("latencyMs").asLong() >= 0);
    }

    @Test
    void everyResponseSaysHowLongStudyServiceTookAndAnAskItsSteps() {
        StudyApi api = api();
        UUID session = api.newSession(reader, biology);
        api.ask(reader, session, TestPdfs.PAGE_3_QUESTION).statusCode(200);
        // a cache hit: latencyMs ends before the exchange is stored, study;dur when the response goes out
        var hit = api.ask(reader, session, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.cached", equalTo(true)).extract();
        Map<String, Double> timing = serverTiming(hit.headers().getValues("Server-Timing"));
        assertEquals(Set.of("study", "limit", "answer", "store", "publish"), timing.keySet(), timing.toString());
        long latencyMs = hit.jsonPath().getLong("answer.latencyMs");
        assertTrue(timing.get("study") >= latencyMs, timing + " against latencyMs " + latencyMs);
        assertTrue(timing.get("answer") + 0.01 >= latencyMs, timing + " against latencyMs " + latencyMs);
        double steps = timing.get("limit") + timing.get("answer") + timing.get("store") + timing.get("publish");
        assertTrue(steps <= timing.get("study") + 0.04, "the steps are part of the whole: " + timing);
        assertTrue(timing.get("store") > 0, "a hit stores the exchange: " + timing);
        // a refusal carries the whole only
        var refused = api.session(reader, UUID.randomUUID()).statusCode(404).extract();
        assertEquals(Set.of("study"), serverTiming(refused.headers().getValues("Server-Timing")).keySet());
    }

    private static final Pattern SERVER_TIMING_ENTRY = Pattern.compile("([a-z]+);dur=(\\d+\\.\\d\\d)");

    /** Server-Timing header lines as metric → milliseconds; every entry must be {@code name;dur=<ms, 2 decimals>}. */
    private static Map<String, Double> serverTiming(List<String> lines) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String line : lines) {
            for (String entry : line.split(",")) {
                Matcher m = SERVER_TIMING_ENTRY.matcher(entry.strip());
                assertTrue(m.matches(), "not name;dur=ms: " + entry);
                metrics.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return metrics;
    }

    @Test
    void anUnrelatedQuestionIsNotFoundPlainlyWithoutCitations() {
        StudyApi api = api();
        UUID session = api.newSession(reader, biology);
        api.ask(reader, session, TestPdfs.UNRELATED_QUESTION).statusCode(200)
                .body("answer.verdict", equalTo("NOT_FOUND"))
                .body("answer.citations", hasSize(0))
                .body("answer.content", equalTo(Answers.NOT_FOUND));
    }

    @Test
    void aFollowUpIsCondensedWithThePreviousQuestion() {
        StudyApi api = api();
        UUID session = api.newSession(reader, biology);
        api.ask(reader, session, TestPdfs.PAGE_3_QUESTION).statusCode(200);
        JsonPath followUp = api.ask(reader, session, "How is it folded?").statusCode(200)
                .body("answer.verdict", equalTo("CORRECT"))
                .extract().jsonPath();
        assertTrue(followUp.getString("answer.content").contains("cristae"), followUp.getString("answer.content"));
        assertTrue(followUp.getList("answer.citations.page", Integer.class).stream().allMatch(p -> p == 3));
    }

    @Test
    void theSecondIdenticalQuestionIsACacheHitAndDeletingTheDocumentInvalidatesIt() {
        StudyApi api = api();
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        UUID session = api.newSession(user, document);

        JsonPath first = api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.cached", equalTo(false)).extract().jsonPath();
        JsonPath second = api.ask(user, session, "what does the MITOCHONDRION produce").statusCode(200)
                .body("answer.cached", equalTo(true)).extract().jsonPath();
        assertEquals(first.getString("answer.content"), second.getString("answer.content"));
        assertEquals(first.getList("answer.citations"), second.getList("answer.citations"));
        // a hit still stores both messages and still reports the answer
        api.history(user, session).statusCode(200).body("messages", hasSize(4));
        await().atMost(EVENTUAL).until(() -> outbox.of(OutboxRows.QUERY_ANSWERED, session).size() == 2);
        List<OutboxRows.Row> answered = outbox.of(OutboxRows.QUERY_ANSWERED, session);
        assertFalse(answered.get(0).data().get("cacheHit").asBoolean());
        assertTrue(answered.get(1).data().get("cacheHit").asBoolean());
        assertEquals(second.getString("answer.id"), answered.get(1).data().get("messageId").asText());

        String answerKey = RedisKeys.answer(CacheKeys.hash(user.id(), TestPdfs.PAGE_3_QUESTION,
                Map.of(document, Documents.version(user, document))));
        String index = RedisKeys.answersOfDocument(document);
        assertTrue(redis.key().exists(answerKey));
        assertTrue(redis.set(String.class).sismember(index, answerKey));

        // document-service deletes it and emits DocumentDeleted through its outbox and Kafka
        Documents.delete(user, document);
        await().atMost(EVENTUAL).until(() -> !redis.key().exists(answerKey) && !redis.key().exists(index));
        await().atMost(EVENTUAL).untilAsserted(() -> api.session(user, session).statusCode(200)
                .body("documentIds", hasSize(0)));
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.cached", equalTo(false))
                .body("answer.verdict", equalTo("NOT_FOUND"))
                .body("answer.citations", hasSize(0));
    }

    @Test
    void changingTheDocumentInvalidatesItsAnswers() {
        StudyApi api = api();
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        UUID session = api.newSession(user, document);
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200).body("answer.cached", equalTo(false));
        String answerKey = RedisKeys.answer(CacheKeys.hash(user.id(), TestPdfs.PAGE_3_QUESTION,
                Map.of(document, Documents.version(user, document))));
        assertTrue(redis.key().exists(answerKey));

        Documents.rename(user, document, "Renamed biology");
        await().atMost(EVENTUAL).until(() -> !redis.key().exists(answerKey));
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.cached", equalTo(false))
                .body("answer.citations[0].title", equalTo("Renamed biology"));
    }

    @Test
    void pollingAndHistorySurviveLosingTheRedisWindow() {
        StudyApi api = api();
        UUID session = api.newSession(reader, biology);
        api.ask(reader, session, TestPdfs.PAGE_3_QUESTION).statusCode(200);
        api.ask(reader, session, TestPdfs.UNRELATED_QUESTION).statusCode(200);

        List<String> ids = api.messages(reader, session, "").statusCode(200)
                .body("items", hasSize(4))
                .body("items.role", equalTo(List.of("USER", "ASSISTANT", "USER", "ASSISTANT")))
                .body("hasMore", equalTo(false))
                .extract().jsonPath().getList("items.id");
        api.messages(reader, session, "?after=" + ids.get(1)).statusCode(200)
                .body("items.id", equalTo(ids.subList(2, 4)));
        api.messages(reader, session, "?after=" + ids.get(0) + "&limit=2").statusCode(200)
                .body("items.id", equalTo(ids.subList(1, 3)))
                .body("hasMore", equalTo(true));
        api.messages(reader, session, "?after=" + ids.get(3)).statusCode(200).body("items", hasSize(0));
        String window = RedisKeys.window(session);
        await().atMost(EVENTUAL).until(() -> redis.list(String.class).llen(window) == 4);

        // Redis loses the window (flush, eviction, restart): nothing is lost, the window is rebuilt
        redis.key().del(window);
        api.messages(reader, session, "").statusCode(200).body("items.id", equalTo(ids));
        assertEquals(4, redis.list(String.class).llen(window));
        // a window missing the newest message is not trusted either
        redis.list(String.class).rpop(window);
        api.messages(reader, session, "?after=" + ids.get(2)).statusCode(200).body("items.id", equalTo(ids.subList(3, 4)));
        api.history(reader, session).statusCode(200).body("messages.id", equalTo(ids));
    }

    @Test
    void aCacheHitIsStoredWithItsQuestionInOneCommitAndStillObeysTheSession() {
        StudyApi api = api();
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        UUID first = api.newSession(user, document);
        JsonPath miss = api.ask(user, first, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.cached", equalTo(false)).extract().jsonPath();
        // the key is the user's question over these document versions: a new session of theirs hits it at once
        UUID second = api.newSession(user, document);
        JsonPath hit = api.ask(user, second, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.cached", equalTo(true))
                .body("question.content", equalTo(TestPdfs.PAGE_3_QUESTION)).extract().jsonPath();

        assertEquals(2, transactionsOf(miss.getString("question.id"), miss.getString("answer.id")),
                "a computed answer is stored after its question, in a second commit");
        assertEquals(1, transactionsOf(hit.getString("question.id"), hit.getString("answer.id")),
                "a hit known up front: question and answer in one commit");
        api.history(user, second).statusCode(200)
                .body("messages.id", equalTo(List.of(hit.getString("question.id"), hit.getString("answer.id"))));
        await().atMost(EVENTUAL).until(() -> outbox.of(OutboxRows.QUERY_ANSWERED, second).size() == 1);
        assertTrue(outbox.of(OutboxRows.QUERY_ANSWERED, second).getFirst().data().get("cacheHit").asBoolean());

        // the answer is cached, but the session decides: archived → 409, somebody else's → 404; nothing stored
        api.archive(user, second).statusCode(200);
        api.ask(user, second, TestPdfs.PAGE_3_QUESTION).statusCode(409).body("code", equalTo("session_archived"));
        api.ask(Users.random(), first, TestPdfs.PAGE_3_QUESTION).statusCode(404);
        api.session(user, second).statusCode(200).body("messageCount", equalTo(2));
        api.session(user, first).statusCode(200).body("messageCount", equalTo(2));
    }

    @Test
    void aMissReadsTheAnswerCacheOnceOnEitherPath() {
        StudyApi api = api();
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        String answerKey = RedisKeys.answer(CacheKeys.hash(user.id(), TestPdfs.PAGE_3_QUESTION,
                Map.of(document, Documents.version(user, document))));

        // prepared before the question is stored (a first question, a document this instance knows): the miss
        // found there is answered without asking Redis again
        UUID known = api.newSession(user, document);
        assertEquals(1, redisReadsOf(answerKey, () -> api.ask(user, known, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.cached", equalTo(false))), "one GET of the answer key for a miss prepared up front");

        // prepared after it is stored (this instance does not know the document: document-service is asked)
        redis.key().del(answerKey);
        UUID unknown = api.newSession(user, document);
        catalog.evict(document);
        assertEquals(1, redisReadsOf(answerKey, () -> api.ask(user, unknown, TestPdfs.PAGE_3_QUESTION)
                .statusCode(200).body("answer.cached", equalTo(false))), "one GET of the answer key on the general path");
        assertTrue(redis.key().exists(answerKey), "and the computed answer is cached under that key");
    }

    /**
     * How many times Redis ran {@code GET key} while {@code action} ran (Redis' MONITOR; a marker command, run after
     * the action, ends the count, so every command of the action has been seen).
     */
    private long redisReadsOf(String key, Runnable action) {
        List<String> commands = new CopyOnWriteArrayList<>();
        String marker = RedisKeys.PREFIX + "test-marker:" + UUID.randomUUID();
        try (RespClient monitor = RespClient.local()) {
            monitor.command("MONITOR");
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        commands.add(String.valueOf(monitor.next()));
                    }
                } catch (RuntimeException closed) {
                    // the monitor connection was closed: the count is over
                }
            });
            action.run();
            redis.key().exists(marker);
            await().atMost(EVENTUAL).until(() -> commands.stream().anyMatch(c -> c.contains(marker)));
        }
        // MONITOR shows the command name as the client sent it (the Quarkus client: lower case)
        String read = "\"get\" \"" + key + "\"";
        return commands.stream().takeWhile(c -> !c.contains(marker))
                .filter(c -> c.toLowerCase(Locale.ROOT).contains(read)).count();
    }

    /** How many transactions wrote these messages (PostgreSQL's xmin: the id of the transaction that inserted a row). */
    private long transactionsOf(String... messageIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(DISTINCT xmin::text) FROM chat_message WHERE id = ANY (?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("text", messageIds));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theChatRateLimitAnswers429AndStoresNothing() {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = api.newSession(user, Documents.indexedBiology(user));
        // this user already asked 20 questions this minute
        redis.value(String.class).setex(RedisKeys.chatRate(user.id()), 60, "20");
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("code", equalTo("rate_limited"));
        api.session(user, session).statusCode(200).body("messageCount", equalTo(0));
        // the limit is counted while the session is read, and still answers first: over it, no 404 is given away
        api.ask(user, UUID.randomUUID(), TestPdfs.PAGE_3_QUESTION).statusCode(429).body("code", equalTo("rate_limited"));
    }
}
