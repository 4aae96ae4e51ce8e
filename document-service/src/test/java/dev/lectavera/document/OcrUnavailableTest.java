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
import java.util.Set;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tesseract missing at run time (the configured program does not exist): scans keep the honest NEEDS_OCR. */
@QuarkusTest
@TestProfile(OcrUnavailableTest.NoTesseract.class)
class OcrUnavailableTest {

    public static class NoTesseract implements QuarkusTestProfile {
        // the local model's native tokenizer loads once per JVM: a restarted application uses the OpenAI stand-in
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiEmbeddingsStub.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lectavera.documents.ocr.command", "/nonexistent/tesseract");
        }
    }

    @Test
    void aScanNeedsOcrWithTheReasonAndKeepsItsFile() {
        Users user = Users.random();
        byte[] scan = ScannedPdfs.scan(TestPdfs.pages("Mitochondria produce ATP.", "Chloroplasts make sugar."), 100);
        UUID id = Api.uploadNew(user, scan, "scan.pdf");
        assertEquals("NEEDS_OCR", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureCode", equalTo("images_only"))
                .body("failureReason", containsString("OCR program (/nonexistent/tesseract) is not installed"))
                .body("pageCount", equalTo(2))
                .body("ocrPages", equalTo(0));
        as(user).get("/api/v1/documents/{id}/status", id).then()
                .body("failureCode", equalTo("images_only"))
                .body("failureReason", containsString("not installed"));
        assertEquals(0, Db.count("select count(*) from document_page where document_id = ?", id));
        as(user).get("/api/v1/documents/{id}/file", id).then().statusCode(200); // kept for a later OCR
    }

    @Test
    void aMixedDocumentIsIndexedFromItsTextPagesAsBefore() {
        Users user = Users.random();
        byte[] mixed = ScannedPdfs.scanPages(TestPdfs.pages("Cells are the smallest units of life.",
                "Mitochondria produce ATP.", "Chloroplasts make sugar from light."), 100, Set.of(2));
        UUID id = Api.uploadNew(user, mixed, "mixed.pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then().body("ocrPages", equalTo(0));
        as(user).get("/api/v1/documents/{id}/pages/2", id).then().statusCode(200)
                .body("text", equalTo(""))
                .body("textSource", equalTo("text"));
        as(user).get("/api/v1/documents/{id}/pages/3", id).then().statusCode(200)
                .body("text", equalTo("Chloroplasts make sugar from light."));
    }
}
