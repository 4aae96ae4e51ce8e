package dev.lectavera.document;

import dev.lectavera.document.blob.FileSystemBlobStore;
import dev.lectavera.document.service.Hashes;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Documents left unfinished by a stopped or crashed instance are resumed, never forgotten. The rows are written
 * as a dead instance leaves them; the same claim query runs at start-up and on every poll.
 */
@QuarkusTest
class ProcessingRecoveryTest {

    private final FileSystemBlobStore blobs;

    ProcessingRecoveryTest(FileSystemBlobStore blobs) {
        this.blobs = blobs;
    }

    private UUID leftBehind(Users user, String status, int attempts, String leaseExpiresIn) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] pdf = TestPdfs.pages("Interrupted lecture. " + TestPdfs.filler(new Random(), 30),
                "Second page. " + TestPdfs.filler(new Random(), 30));
        String key = user.id() + "/" + id + ".pdf";
        blobs.put(key, new ByteArrayInputStream(pdf));
        Db.update("""
                insert into document (id, user_id, sha256, title, status, size_bytes, blob_key, attempts,
                                      lease_token, lease_expires_at, pages_done, created_at, updated_at)
                values (?, ?, ?, 'Interrupted', ?, ?, ?, ?, ?, now() + cast(? as interval), 1,
                        now() - interval '10 minutes', now() - interval '5 minutes')""",
                id, user.id(), Hashes.sha256Hex(id.toString()), status, (long) pdf.length, key, attempts,
                status.equals("PROCESSING") ? UUID.randomUUID() : null, leaseExpiresIn);
        return id;
    }

    @Test
    void aDocumentWhoseWorkerDiedIsResumedAndIndexed() throws Exception {
        Users user = Users.random();
        UUID id = leftBehind(user, "PROCESSING", 1, "-1 minute"); // the lease lapsed: its instance is gone
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then().body("pageCount", equalTo(2));
        assertEquals(2, Db.count("select attempts from document where id = ?", id));
        assertEquals(2, Db.count("select count(*) from document_page where document_id = ?", id));
    }

    @Test
    void aQueuedDocumentFromBeforeARestartIsProcessed() throws Exception {
        Users user = Users.random();
        UUID id = leftBehind(user, "QUEUED", 0, "0 seconds");
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
    }

    @Test
    void aDocumentHeldByALiveWorkerIsLeftAloneUntilItsLeaseLapses() throws Exception {
        Users user = Users.random();
        UUID id = leftBehind(user, "PROCESSING", 1, "3 seconds");
        assertEquals("PROCESSING", Api.status(user, id)); // another instance still owns it
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
    }

    @Test
    void aDocumentThatKeepsCrashingItsWorkerIsFailedAfterMaxAttempts() throws Exception {
        Users user = Users.random();
        UUID id = leftBehind(user, "PROCESSING", 3, "-1 minute"); // three claims already, none finished
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then().body("failureReason", containsString("failed repeatedly"));
        assertEquals(0, Db.count("select count(*) from chunk where document_id = ?", id));
    }
}
