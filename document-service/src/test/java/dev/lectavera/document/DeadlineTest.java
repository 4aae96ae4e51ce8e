package dev.lectavera.document;

import dev.lectavera.document.blob.FileSystemBlobStore;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.OpenAiEmbeddingsStub;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A document deadline too short for any document: the work is stopped and the document ends took_too_long. */
@QuarkusTest
@TestProfile(DeadlineTest.TinyDeadline.class)
class DeadlineTest {

    public static class TinyDeadline implements QuarkusTestProfile {
        // the local model's native tokenizer loads once per JVM: a restarted application (a test profile) uses
        // the stand-in for the OpenAI API
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiEmbeddingsStub.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lectavera.documents.limits.deadline", "1ms");
        }
    }

    private final FileSystemBlobStore blobs;

    DeadlineTest(FileSystemBlobStore blobs) {
        this.blobs = blobs;
    }

    @Test
    void aDocumentPastItsDeadlineIsStoppedAndFailsAsTookTooLong() {
        Users user = Users.random();
        byte[] pdf = TestPdfs.pages("A long chapter. " + TestPdfs.filler(new Random(), 300),
                "Another page. " + TestPdfs.filler(new Random(), 300));
        UUID id = Api.uploadNew(user, pdf, "slow.pdf");
        String key = Db.text("select blob_key from document where id = ?", id);
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureCode", equalTo("took_too_long"))
                .body("failureReason", containsString("took longer than"));
        assertEquals(0, Db.count("select count(*) from document_page where document_id = ?", id));
        assertEquals(0, Db.count("select count(*) from chunk where document_id = ?", id));
        assertFalse(blobs.exists(key));
    }
}
