package dev.lectavera.document;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.document.blob.FileSystemBlobStore;
import dev.lectavera.document.ingest.Chunker;
import dev.lectavera.document.ingest.Chunker.Chunk;
import dev.lectavera.document.ingest.ExtractedDocument;
import dev.lectavera.document.ingest.IndexWriter;
import dev.lectavera.document.ingest.LeaseLostException;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.model.FailureCode;
import dev.lectavera.document.repository.DocumentJobRepository.Claim;
import dev.lectavera.document.service.Hashes;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import dev.lectavera.testsupport.kafka.TestPublisher;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * UserDeleted on lectavera.users purges the user's documents, once, and leaves everybody else's alone; whatever
 * arrives for that user afterwards (an upload, a worker's result) stores nothing.
 */
@QuarkusTest
class UserDeletedConsumerTest {

    private final FileSystemBlobStore blobs;
    private final IndexWriter writer;

    UserDeletedConsumerTest(FileSystemBlobStore blobs, IndexWriter writer) {
        this.blobs = blobs;
        this.writer = writer;
    }

    @Test
    void userDeletedPurgesTheUsersDocumentsIdempotently() throws Exception {
        Users leaving = Users.random();
        Users staying = Users.random();
        UUID gone1 = Api.uploadNew(leaving, TestPdfs.pages("Leaving " + TestPdfs.filler(new Random(), 20)), "a.pdf");
        UUID gone2 = Api.uploadNew(leaving, TestPdfs.pages("Leaving too " + TestPdfs.filler(new Random(), 20)), "b.pdf");
        UUID kept = Api.uploadNew(staying, TestPdfs.pages("Staying " + TestPdfs.filler(new Random(), 20)), "c.pdf");
        for (UUID id : new UUID[] {gone1, gone2}) {
            Api.awaitFinalStatus(leaving, id);
        }
        Api.awaitFinalStatus(staying, kept);

        EventEnvelope<UserDeleted> event = EventEnvelope.of("/auth-service", leaving.id().toString(),
                new UserDeleted(leaving.id(), Instant.now()));
        String json = EventJson.write(event);
        TestPublisher.publishOneRaw(Topics.USERS, leaving.id().toString(), "not an event at all"); // junk is skipped
        TestPublisher.publishOneRaw(Topics.USERS, leaving.id().toString(), json);

        await().atMost(Api.PROCESSING_TIMEOUT).until(() ->
                Db.count("select count(*) from document where user_id = ?", leaving.id()) == 0);
        assertEquals(0, Db.count("select count(*) from chunk where document_id in (?, ?)", gone1, gone2));
        assertEquals(0, Db.count("select count(*) from document_page where document_id in (?, ?)", gone1, gone2));
        assertFalse(Files.exists(blobs.root().resolve(leaving.id().toString())), "the user's files are gone");
        assertEquals(2, Db.count("""
                select count(*) from outbox_event where event_type = 'lectavera.document.deleted.v1'
                and record_key in (?, ?)""", gone1.toString(), gone2.toString()));
        assertEquals(1, Db.count("select count(*) from processed_event where event_id = ?", event.id()));

        // redelivery: applied once. A marker event on the same partition (same key), sent after it, shows when
        // the consumer has gone past the redelivered record.
        TestPublisher.publishOneRaw(Topics.USERS, leaving.id().toString(), json);
        UUID nobody = UUID.randomUUID();
        EventEnvelope<UserDeleted> marker = EventEnvelope.of("/auth-service", nobody.toString(),
                new UserDeleted(nobody, Instant.now()));
        TestPublisher.publishOneRaw(Topics.USERS, leaving.id().toString(), EventJson.write(marker));
        await().atMost(Api.PROCESSING_TIMEOUT).until(() ->
                Db.count("select count(*) from processed_event where event_id = ?", marker.id()) == 1);
        assertEquals(1, Db.count("select count(*) from processed_event where event_id = ?", event.id()));
        assertEquals(2, Db.count("""
                select count(*) from outbox_event where event_type = 'lectavera.document.deleted.v1'
                and record_key in (?, ?)""", gone1.toString(), gone2.toString()));

        as(staying).get("/api/v1/documents/{id}", kept).then().statusCode(200).body("status", equalTo("INDEXED"));
    }

    private static void deleteUser(Users user) throws Exception {
        EventEnvelope<UserDeleted> event = EventEnvelope.of("/auth-service", user.id().toString(),
                new UserDeleted(user.id(), Instant.now()));
        TestPublisher.publishOneRaw(Topics.USERS, user.id().toString(), EventJson.write(event));
        await().atMost(Api.PROCESSING_TIMEOUT).until(() ->
                Db.count("select count(*) from processed_event where event_id = ?", event.id()) == 1);
    }

    @Test
    void aLateUploadAfterUserDeletedIsRefusedAndStoresNothing() throws Exception {
        Users leaving = Users.random();
        deleteUser(leaving);
        // a token issued before the deletion is still within its lifetime: the write arrives late
        Api.upload(leaving, TestPdfs.pages("Written too late. " + TestPdfs.filler(new Random(), 20)), "late.pdf")
                .statusCode(401)
                .body("code", equalTo("account_deleted"));
        assertEquals(0, Db.count("select count(*) from document where user_id = ?", leaving.id()));
        assertFalse(Files.exists(blobs.root().resolve(leaving.id().toString())), "no file left behind");
    }

    @Test
    void anIngestionFinishingAfterThePurgeStoresNothing() throws Exception {
        Users leaving = Users.random();
        UUID id = UUID.randomUUID();
        UUID lease = UUID.randomUUID();
        String key = leaving.id() + "/" + id + ".pdf";
        blobs.put(key, new ByteArrayInputStream(TestPdfs.pages("In flight. " + TestPdfs.filler(new Random(), 20))));
        // a worker (of this or another instance) holds the document while the user is deleted
        Db.update("""
                insert into document (id, user_id, sha256, title, status, size_bytes, blob_key, attempts, lease_token,
                                      lease_expires_at)
                values (?, ?, ?, 'In flight', 'PROCESSING', 10, ?, 1, ?, now() + interval '10 minutes')""",
                id, leaving.id(), Hashes.sha256Hex(id.toString()), key, lease);
        deleteUser(leaving);
        assertEquals(0, Db.count("select count(*) from document where id = ?", id));

        // the worker finishes now: its index has nowhere to go
        Claim claim = new Claim(id, leaving.id(), lease, key, 1, Instant.now());
        ExtractedDocument extracted = new ExtractedDocument(List.of("In flight."), null, null);
        List<Chunk> chunks = new Chunker(new Chunker.Settings(320, 64, 48)).chunk(extracted.pages());
        assertThrows(LeaseLostException.class, () -> writer.complete(claim, extracted, chunks,
                List.of(Hashes.sha256Hex("In flight.")), List.of(new float[384]), "test-model"));
        assertFalse(writer.fail(claim, DocumentStatus.FAILED, FailureCode.UNREADABLE, "late", 1));
        assertEquals(0, Db.count("select count(*) from document where id = ?", id));
        assertEquals(0, Db.count("select count(*) from document_page where document_id = ?", id));
        assertEquals(0, Db.count("select count(*) from chunk where document_id = ?", id));
        assertEquals(0, Db.count("select count(*) from outbox_event where record_key = ? and event_type <> ?",
                id.toString(), "lectavera.document.deleted.v1"));
    }
}
