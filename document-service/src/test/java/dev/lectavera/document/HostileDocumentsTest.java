package dev.lectavera.document;

import dev.lectavera.document.blob.FileSystemBlobStore;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 14's attack and its cousins, uploaded through the API: each ends FAILED with its code and reason, its file
 * is deleted, nothing of it is indexed, and other users' work and reads carry on meanwhile.
 */
@QuarkusTest
class HostileDocumentsTest {

    private static final Logger LOG = Logger.getLogger(HostileDocumentsTest.class);

    private final FileSystemBlobStore blobs;

    HostileDocumentsTest(FileSystemBlobStore blobs) {
        this.blobs = blobs;
    }

    private void assertFailedAndGone(Users user, UUID id, String code) {
        as(user).get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureCode", equalTo(code));
        as(user).get("/api/v1/documents/{id}/status", id).then().statusCode(200)
                .body("failureCode", equalTo(code));
        assertEquals(0, Db.count("select count(*) from document_page where document_id = ?", id));
        assertEquals(0, Db.count("select count(*) from chunk where document_id = ?", id));
        String key = Db.text("select blob_key from document where id = ?", id);
        assertFalse(blobs.exists(key), "the file of a FAILED document is deleted");
    }

    @Test
    void theSharedStreamBombFailsWhileAnotherUsersDocumentIndexesAndReadsKeepAnswering() {
        Users attacker = Users.random();
        Users student = Users.random();
        byte[] bomb = TestPdfs.sharedStreamBomb(200, 12_000_000);
        byte[] notes = TestPdfs.pages("Lecture on thermodynamics. " + TestPdfs.filler(new Random(), 120),
                "Entropy always grows in an isolated system. " + TestPdfs.filler(new Random(), 120));

        Runtime runtime = Runtime.getRuntime();
        long[] peakHeap = {runtime.totalMemory() - runtime.freeMemory()};
        long start = System.nanoTime();
        UUID bombId = Api.uploadNew(attacker, bomb, "bomb.pdf");
        UUID notesId = Api.uploadNew(student, notes, "notes.pdf");
        String[] statuses = new String[2];
        await().atMost(Api.PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            // the student's reads answer throughout
            as(student).get("/api/v1/documents").then().statusCode(200);
            Api.search(student, "{\"query\":\"entropy\"}").statusCode(200);
            peakHeap[0] = Math.max(peakHeap[0], runtime.totalMemory() - runtime.freeMemory());
            statuses[0] = Api.status(attacker, bombId);
            statuses[1] = Api.status(student, notesId);
            return isFinal(statuses[0]) && isFinal(statuses[1]);
        });
        LOG.infof("Bomb (%d bytes, 200 pages x 12M glyphs): %s after %d ms; heap in use at most %d MB of %d MB",
                bomb.length, statuses[0], (System.nanoTime() - start) / 1_000_000, peakHeap[0] >> 20,
                runtime.maxMemory() >> 20);

        assertEquals("FAILED", statuses[0]);
        assertFailedAndGone(attacker, bombId, "page_text_too_large");
        as(attacker).get("/api/v1/documents/{id}", bombId).then()
                .body("failureReason", startsWith("Page 1 carries more than 50,000 characters"))
                .body("pageCount", equalTo(200));
        assertEquals("INDEXED", statuses[1]);
        Api.search(student, "{\"query\":\"entropy isolated system\"}").statusCode(200)
                .body("results[0].documentId", equalTo(notesId.toString()));
    }

    @Test
    void moreThanTwoThousandPagesFailsAsTooManyPages() {
        Users user = Users.random();
        UUID id = Api.uploadNew(user, TestPdfs.manyPages(2001), "huge-textbook.pdf");
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        assertFailedAndGone(user, id, "too_many_pages");
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureReason", startsWith("The PDF has 2,001 pages; documents of up to 2,000 pages"));
    }

    @Test
    void aPageOverTheCharacterCapFailsAsPageTextTooLarge() {
        Users user = Users.random();
        UUID id = Api.uploadNew(user, TestPdfs.densePage(60_000), "dense.pdf");
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        assertFailedAndGone(user, id, "page_text_too_large");
    }

    @Test
    void usageShowsTheCallersOwnFiguresAndAFailedFileStopsCounting() {
        Users user = Users.random();
        Users other = Users.random();
        as(user).get("/api/v1/documents/usage").then().statusCode(200)
                .body("bytesUsed", equalTo(0))
                .body("bytesQuota", equalTo(1 << 30))
                .body("documents", equalTo(0))
                .body("documentsQuota", equalTo(500));

        byte[] good = TestPdfs.pages("Kept lecture. " + TestPdfs.filler(new Random(), 60));
        byte[] bad = TestPdfs.densePage(60_000);
        UUID goodId = Api.uploadNew(user, good, "good.pdf");
        // counted from the upload on (asserted before the bad file exists: that one may fail within milliseconds)
        as(user).get("/api/v1/documents/usage").then().statusCode(200)
                .body("bytesUsed", equalTo(good.length))
                .body("documents", equalTo(1));
        UUID badId = Api.uploadNew(user, bad, "bad.pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(user, goodId));
        assertEquals("FAILED", Api.awaitFinalStatus(user, badId));
        // the FAILED document keeps its row (and counts as a document) but its bytes are free again
        as(user).get("/api/v1/documents/usage").then().statusCode(200)
                .body("bytesUsed", equalTo(good.length))
                .body("documents", equalTo(2));
        as(other).get("/api/v1/documents/usage").then().statusCode(200)
                .body("bytesUsed", equalTo(0))
                .body("documents", equalTo(0));
        as(other).get("/api/v1/documents/{id}", goodId).then().statusCode(404);
        as(other).get("/api/v1/documents/{id}/status", badId).then().statusCode(404);
    }

    @Test
    void usageNeedsAToken() {
        io.restassured.RestAssured.given().get("/api/v1/documents/usage").then().statusCode(401);
    }

    private static boolean isFinal(String status) {
        return !status.equals("QUEUED") && !status.equals("PROCESSING");
    }
}
