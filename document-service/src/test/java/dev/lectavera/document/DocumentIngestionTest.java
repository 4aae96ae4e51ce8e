package dev.lectavera.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import dev.lectavera.testsupport.kafka.KafkaTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.lectavera.document.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upload, processing and search of generated multi-page PDFs against the real Postgres, Redis and Kafka. */
@QuarkusTest
class DocumentIngestionTest {

    private static final String PAGE_1 = "Cell Biology Basics\n\nCells are the smallest units of life. Every organism"
            + " is made of one or more cells.";
    private static final String PAGE_2 = "The cell membrane is a lipid bilayer. It controls which molecules enter"
            + " and leave the cell.";
    private static final String PAGE_3 = "Energy in the Cell\n\nMitochondria produce ATP through oxidative"
            + " phosphorylation. This is why they are called the powerhouse of the cell.";
    private static final String PAGE_4 = "Photosynthesis happens in chloroplasts, where light energy is turned into"
            + " sugar.";

    private final RedisDataSource redis;
    private final MeterRegistry metrics;
    private final ObjectMapper json = new ObjectMapper();

    DocumentIngestionTest(RedisDataSource redis, MeterRegistry metrics) {
        this.redis = redis;
        this.metrics = metrics;
    }

    @Test
    void uploadedPdfIsIndexedAndSearchHitsCarryTheRightPage() {
        Users user = Users.random();
        byte[] pdf = TestPdfs.pages(PAGE_1, PAGE_2, PAGE_3, PAGE_4);

        UUID id = Api.uploadNew(user, pdf, "biology.pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));

        as(user).get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("title", equalTo("biology"))
                .body("pageCount", equalTo(4))
                .body("status", equalTo("INDEXED"))
                .body("version", equalTo(2));
        assertEquals(4, Db.count("select count(*) from document_page where document_id = ?", id));
        assertTrue(Db.count("select count(*) from chunk where document_id = ?", id) >= 4, "one chunk per page at least");

        for (String[] question : new String[][] {
                {"Which organelle produces ATP?", "3"},
                {"mitochondria produce ATP", "3"},
                {"What controls which molecules enter the cell?", "2"},
                {"chloroplasts turn light into sugar", "4"}}) {
            JsonPath results = Api.search(user, "{\"query\":\"" + question[0] + "\",\"topK\":3}")
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> hits = results.getList("results");
            assertFalse(hits.isEmpty(), question[0]);
            Map<String, Object> top = hits.getFirst();
            assertEquals(id.toString(), top.get("documentId"));
            assertEquals("biology", top.get("title"));
            assertEquals(Integer.parseInt(question[1]), top.get("page"), question[0]);
            String pageText = as(user).get("/api/v1/documents/{id}/pages/{page}", id, top.get("page"))
                    .then().statusCode(200).extract().path("text");
            assertEquals(pageText.substring((Integer) top.get("startOffset"), (Integer) top.get("endOffset")),
                    top.get("text"), "offsets point at the passage in the page text");
            // every hit carries its cosine to the query, whichever ranking found it; the top one is among the closest
            for (Map<String, Object> hit : hits) {
                double similarity = ((Number) hit.get("similarity")).doubleValue();
                assertTrue(similarity > 0 && similarity <= 1.0001, question[0] + ": " + similarity);
            }
            double best = hits.stream().mapToDouble(h -> ((Number) h.get("similarity")).doubleValue()).max()
                    .orElseThrow();
            assertTrue(((Number) top.get("similarity")).doubleValue() >= best - 0.1, question[0]);
        }

        // the same file again: the same document, 200
        Api.upload(user, pdf, "copy-of-biology.pdf").statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("status", equalTo("INDEXED"));
        as(user).get("/api/v1/documents").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void progressIsPublishedPerUserAndStatusIsCachedWithPostgresBehind() throws Exception {
        Users user = Users.random();
        List<String> messages = new CopyOnWriteArrayList<>();
        PubSubCommands.RedisSubscriber subscriber = redis.pubsub(String.class)
                .subscribe("user-events:" + user.id(), messages::add);
        try {
            Random random = new Random();
            UUID id = Api.uploadNew(user, TestPdfs.pages(TestPdfs.filler(random, 60), TestPdfs.filler(random, 60)),
                    "progress.pdf");
            assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
            await().atMost(Api.PROCESSING_TIMEOUT).until(() -> messages.stream().anyMatch(m -> m.contains("INDEXED")));

            List<JsonNode> events = messages.stream().map(this::parse).toList();
            for (JsonNode event : events) {
                assertEquals(Set.of("type", "documentId", "status", "pagesDone", "pagesTotal"), fieldNames(event));
                assertEquals("document.progress", event.get("type").asText());
                assertEquals(id.toString(), event.get("documentId").asText());
            }
            assertTrue(events.stream().anyMatch(e -> e.get("status").asText().equals("PROCESSING")));
            JsonNode last = events.getLast();
            assertEquals("INDEXED", last.get("status").asText());
            assertEquals(2, last.get("pagesDone").asInt());
            assertEquals(2, last.get("pagesTotal").asInt());

            String key = "lv:doc:status:" + id;
            long ttl = redis.key(String.class).ttl(key);
            assertTrue(ttl > 0 && ttl <= 300, "5 minute TTL, was " + ttl);
            assertEquals("INDEXED", parse(redis.value(String.class).get(key)).get("status").asText());

            redis.key(String.class).del(key); // expired: Postgres answers
            as(user).get("/api/v1/documents/{id}/status", id).then().statusCode(200)
                    .body("status", equalTo("INDEXED"))
                    .body("pagesDone", equalTo(2))
                    .body("pagesTotal", equalTo(2));
        } finally {
            subscriber.unsubscribe();
        }
    }

    @Test
    void documentIndexedReachesKafkaThroughTheOutbox() {
        Users user = Users.random();
        Random random = new Random();
        UUID id = Api.uploadNew(user, TestPdfs.withTitle("Genetics Primer", TestPdfs.filler(random, 50),
                TestPdfs.filler(random, 50)), "scan0001.pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));

        var event = KafkaTopics.awaitEvent(Topics.DOCUMENTS, e -> e.data() instanceof DocumentIndexed indexed
                && indexed.documentId().equals(id));
        DocumentIndexed indexed = (DocumentIndexed) event.data();
        assertEquals(id.toString(), event.subject());
        assertEquals(user.id(), indexed.userId());
        assertEquals("Genetics Primer", indexed.title(), "the PDF's title replaces the file name");
        assertEquals(2, indexed.pageCount());
        assertTrue(indexed.chunkCount() >= 2);
        assertTrue(indexed.durationMs() >= 0);
        assertEquals(2, indexed.version());
        await().atMost(Api.PROCESSING_TIMEOUT).until(() -> Db.count(
                "select count(*) from outbox_event where record_key = ? and published_at is not null", id.toString()) == 1);
    }

    @Test
    void aTextAlreadyEmbeddedIsNeverEmbeddedAgain() {
        Random random = new Random();
        byte[] pdf = TestPdfs.pages(TestPdfs.filler(random, 40), TestPdfs.filler(random, 40),
                TestPdfs.filler(random, 40));
        Users first = Users.random();
        UUID firstId = Api.uploadNew(first, pdf, "shared.pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(first, firstId));
        double embeddedBefore = metrics.counter("lectavera.documents.chunks.embedded").count();

        Users second = Users.random(); // another user, the same file: a new document, the same chunk texts
        UUID secondId = Api.uploadNew(second, pdf, "shared.pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(second, secondId));

        assertEquals(embeddedBefore, metrics.counter("lectavera.documents.chunks.embedded").count(),
                "every vector came from the embedding cache");
        assertEquals(Db.count("select count(*) from chunk where document_id = ?", firstId),
                Db.count("select count(*) from chunk where document_id = ?", secondId));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
