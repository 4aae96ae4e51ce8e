package dev.lectavera.document;

import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import dev.lectavera.testsupport.pdf.ScannedPdfs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.lectavera.document.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans (pages rendered to pictures and wrapped as a PDF, made here from generated text PDFs) are read by the
 * Tesseract of dev/stack, indexed and searched like text PDFs, with page-exact offsets.
 */
@QuarkusTest
class ScannedDocumentsTest {

    static final List<String> PAGES = List.of(
            "Cell Biology Basics\n\nCells are the smallest units of life. Every organism is made of one or more"
                    + " cells, and every cell comes from another cell by division.",
            "The Cell Membrane\n\nThe cell membrane is a lipid bilayer with embedded proteins. It controls which"
                    + " molecules enter and leave the cell, and it keeps the inside of the cell stable.",
            "Energy in the Cell\n\nMitochondria produce ATP through oxidative phosphorylation. This is why they are"
                    + " called the powerhouse of the cell. Muscle cells contain many of them.",
            "Photosynthesis\n\nPhotosynthesis happens in chloroplasts, where light energy is turned into sugar."
                    + " Oxygen is released into the air as a by-product of splitting water.");

    private final RedisDataSource redis;
    private final MeterRegistry metrics;

    ScannedDocumentsTest(RedisDataSource redis, MeterRegistry metrics) {
        this.redis = redis;
        this.metrics = metrics;
    }

    @Test
    void aScanIsIndexedAndSearchFindsTheRightPageWithExactOffsets() {
        Users user = Users.random();
        List<String> progress = new CopyOnWriteArrayList<>();
        PubSubCommands.RedisSubscriber subscriber = redis.pubsub(String.class)
                .subscribe("user-events:" + user.id(), progress::add);
        double ocrPagesBefore = ocrPagesCounted();
        UUID id;
        try {
            byte[] scan = ScannedPdfs.scan(TestPdfs.pages(PAGES.toArray(String[]::new)), 150);
            id = Api.uploadNew(user, scan, "scan.pdf");
            assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
            await().atMost(Api.PROCESSING_TIMEOUT).until(() -> progress.stream().anyMatch(m -> m.contains("INDEXED")));
        } finally {
            subscriber.unsubscribe();
        }
        // a progress message for every page read by OCR (pagesTotal known from the start), then the embedding's
        assertTrue(progress.stream().filter(m -> m.contains("\"PROCESSING\"") && m.contains("\"pagesTotal\":4"))
                .count() >= 4, progress.toString());
        assertEquals(4.0, ocrPagesCounted() - ocrPagesBefore, 0.0);

        as(user).get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("pageCount", equalTo(4))
                .body("ocrPages", equalTo(4));
        for (int page = 1; page <= 4; page++) {
            JsonPath view = as(user).get("/api/v1/documents/{id}/pages/{page}", id, page).then().statusCode(200)
                    .body("textSource", equalTo("ocr"))
                    .body("lowConfidence", equalTo(false))
                    .extract().jsonPath();
            assertTrue(view.getDouble("ocrConfidence") > 70, "confidence " + view.getDouble("ocrConfidence"));
            String firstLine = PAGES.get(page - 1).lines().findFirst().orElseThrow();
            assertTrue(view.getString("text").startsWith(firstLine), view.getString("text"));
        }
        assertEquals(4, Db.count("select count(*) from document_page where document_id = ? and text_source = 'ocr'"
                + " and ocr_confidence > 0", id));

        for (String[] question : new String[][] {
                {"Mitochondria produce ATP through oxidative phosphorylation.", "3"},
                {"What controls which molecules enter the cell?", "2"},
                {"Oxygen is released into the air as a by-product of splitting water.", "4"},
                {"Every cell comes from another cell by division", "1"}}) {
            List<Map<String, Object>> hits = Api.search(user, "{\"query\":\"" + question[0] + "\",\"topK\":3}")
                    .statusCode(200).extract().jsonPath().getList("results");
            assertFalse(hits.isEmpty(), question[0]);
            assertTrue(hits.stream().anyMatch(hit -> hit.get("page").equals(Integer.parseInt(question[1]))),
                    question[0] + " -> " + hits);
            for (Map<String, Object> hit : hits) {
                String pageText = as(user).get("/api/v1/documents/{id}/pages/{page}", id, hit.get("page"))
                        .then().statusCode(200).extract().path("text");
                assertEquals(pageText.substring((Integer) hit.get("startOffset"), (Integer) hit.get("endOffset")),
                        hit.get("text"), "offsets point at the passage in the OCR'd page text");
            }
        }
    }

    @Test
    void aMixedDocumentReadsOnlyItsScannedPageByOcr() {
        Users user = Users.random();
        byte[] mixed = ScannedPdfs.scanPages(TestPdfs.pages(PAGES.toArray(String[]::new)), 150, Set.of(3));
        UUID id = Api.uploadNew(user, mixed, "mixed.pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then().body("ocrPages", equalTo(1));
        for (int page : new int[] {1, 2, 4}) {
            as(user).get("/api/v1/documents/{id}/pages/{page}", id, page).then().statusCode(200)
                    .body("textSource", equalTo("text"))
                    .body("ocrConfidence", nullValue())
                    .body("lowConfidence", equalTo(false));
        }
        String scanned = as(user).get("/api/v1/documents/{id}/pages/3", id).then().statusCode(200)
                .body("textSource", equalTo("ocr"))
                .extract().path("text");
        assertTrue(scanned.contains("powerhouse of the cell"), scanned);
        List<Map<String, Object>> hits = Api.search(user, "{\"query\":\"powerhouse of the cell\",\"topK\":3}")
                .statusCode(200).extract().jsonPath().getList("results");
        assertEquals(3, hits.getFirst().get("page"));
        assertEquals(false, hits.getFirst().get("lowConfidence"));

        // a page read badly (its confidence under the configured 70) is marked wherever it is shown
        Db.update("update document_page set ocr_confidence = 41.5 where document_id = ? and page_number = 3", id);
        as(user).get("/api/v1/documents/{id}/pages/3", id).then().statusCode(200)
                .body("ocrConfidence", equalTo(41.5f))
                .body("lowConfidence", equalTo(true));
        hits = Api.search(user, "{\"query\":\"powerhouse of the cell\",\"topK\":3}").statusCode(200)
                .extract().jsonPath().getList("results");
        for (Map<String, Object> hit : hits) {
            assertEquals(hit.get("page").equals(3), hit.get("lowConfidence"), hit.toString());
        }
    }

    private double ocrPagesCounted() {
        var counter = metrics.find("lectavera.documents.pages.ocr").counter();
        return counter == null ? 0 : counter.count();
    }
}
