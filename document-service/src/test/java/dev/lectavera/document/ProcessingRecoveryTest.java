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
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Documents left unfinished by a stopped or crashed instance are never forgotten: a queued one is resumed; one
 * whose attempt had started when its process died is failed (crashed_processing), never run again the same way.
 * The rows are written as a dead instance leaves them; the same queries run at start-up and on every poll.
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
    void aDocumentWhoseWorkerDiedIsFailedNotRetried() throws Exception {
        Users user = Users.random();
        UUID id = leftBehind(user, "PROCESSING", 1, "-1 minute"); // the attempt started; its lease lapsed
        String key = Db.text("select blob_key from document where id = ?", id);
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureCode", equalTo("crashed_processing"))
                .body("failureReason", containsString("not tried again automatically"));
        assertEquals(1, Db.count("select attempts from document where id = ?", id), "never claimed again");
        assertEquals(0, Db.count("select count(*) from document_page where document_id = ?", id));
        assertFalse(blobs.exists(key), "its file is deleted like any FAILED document's");
        assertEquals(1, Db.count("""
                select count(*) from outbox_event where event_type = 'lectavera.document.failed.v1'
                and record_key = ?""", id.toString()));
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
        // that instance never finished it: once the lease lapses, it is failed, not taken over
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then().body("failureCode", equalTo("crashed_processing"));
    }

    @Test
    void aDocumentThatKeepsHittingUnexpectedErrorsIsFailedAfterMaxAttempts() throws Exception {
        Users user = Users.random();
        UUID id = leftBehind(user, "QUEUED", 3, "0 seconds"); // three attempts already ended in errors
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureCode", equalTo("failed_repeatedly"))
                .body("failureReason", containsString("failed repeatedly"));
        assertEquals(0, Db.count("select count(*) from chunk where document_id = ?", id));
    }
}
