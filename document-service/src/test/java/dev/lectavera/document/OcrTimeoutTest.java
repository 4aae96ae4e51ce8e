package dev.lectavera.document;

import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.OpenAiEmbeddingsStub;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import dev.lectavera.testsupport.pdf.ScannedPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * OCR'd pages count against the page deadline of issue 14: a page that cannot be recognised in time stops the
 * document (took_too_long), and the Tesseract process is killed.
 */
@QuarkusTest
@TestProfile(OcrTimeoutTest.TinyPageDeadline.class)
class OcrTimeoutTest {

    public static class TinyPageDeadline implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiEmbeddingsStub.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // rendering an A4 page at 300 dpi alone takes longer; a text page is read well within it
            return Map.of("lectavera.documents.limits.page-deadline", "40ms");
        }
    }

    @Test
    void aPageRecognisedTooSlowlyEndsTheDocumentAsTookTooLong() {
        Users user = Users.random();
        byte[] scan = ScannedPdfs.scan(TestPdfs.pages("Mitochondria produce ATP through oxidative"
                + " phosphorylation. " + TestPdfs.filler(new java.util.Random(7), 200)), 150);
        UUID id = Api.uploadNew(user, scan, "slow-scan.pdf");
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureCode", equalTo("took_too_long"))
                .body("failureReason", containsString("Page 1 took longer than 40 ms to recognise"));
        assertEquals(0, Db.count("select count(*) from document_page where document_id = ?", id));
        assertEquals(0, ProcessHandle.current().descendants().filter(p -> p.isAlive()
                && p.info().command().orElse("").contains("tesseract")).count(), "no Tesseract left running");
    }
}
