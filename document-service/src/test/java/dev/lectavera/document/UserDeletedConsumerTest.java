package dev.lectavera.document;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.document.blob.FileSystemBlobStore;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.KafkaEvents;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** UserDeleted on lectavera.users purges the user's documents, once, and leaves everybody else's alone. */
@QuarkusTest
class UserDeletedConsumerTest {

    private final FileSystemBlobStore blobs;

    UserDeletedConsumerTest(FileSystemBlobStore blobs) {
        this.blobs = blobs;
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
        KafkaEvents.send(Topics.USERS, leaving.id().toString(), "not an event at all"); // junk is skipped
        KafkaEvents.send(Topics.USERS, leaving.id().toString(), json);

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
        KafkaEvents.send(Topics.USERS, leaving.id().toString(), json);
        UUID nobody = UUID.randomUUID();
        EventEnvelope<UserDeleted> marker = EventEnvelope.of("/auth-service", nobody.toString(),
                new UserDeleted(nobody, Instant.now()));
        KafkaEvents.send(Topics.USERS, leaving.id().toString(), EventJson.write(marker));
        await().atMost(Api.PROCESSING_TIMEOUT).until(() ->
                Db.count("select count(*) from processed_event where event_id = ?", marker.id()) == 1);
        assertEquals(1, Db.count("select count(*) from processed_event where event_id = ?", event.id()));
        assertEquals(2, Db.count("""
                select count(*) from outbox_event where event_type = 'lectavera.document.deleted.v1'
                and record_key in (?, ?)""", gone1.toString(), gone2.toString()));

        as(staying).get("/api/v1/documents/{id}", kept).then().statusCode(200).body("status", equalTo("INDEXED"));
    }
}
