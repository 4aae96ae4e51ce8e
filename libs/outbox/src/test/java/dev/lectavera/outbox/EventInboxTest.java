package dev.lectavera.outbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventInboxTest {

    private static DataSource db;

    @BeforeAll
    static void schema() throws SQLException {
        db = TestDatabase.freshSchema("inbox");
        new OutboxSchema(db).migrate();
    }

    @Test
    void anEventIsProcessedOnceWhateverIsRedelivered() throws SQLException {
        EventInbox inbox = new EventInbox(db);
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            assertTrue(inbox.markProcessed(c, id, "lectavera.user.deleted.v1"));
            assertFalse(inbox.markProcessed(c, id, "lectavera.user.deleted.v1"));
            assertFalse(inbox.markProcessed(c, id, "lectavera.user.deleted.v1"));
        }
        assertEquals(1, TestDatabase.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", id));
    }

    @Test
    void aRolledBackDeliveryLeavesTheEventToBeProcessedAgain() throws SQLException {
        EventInbox inbox = new EventInbox(db);
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertTrue(inbox.markProcessed(c, id, "lectavera.document.deleted.v1"));
            c.rollback(); // applying the event failed: its id goes with it
            assertTrue(inbox.markProcessed(c, id, "lectavera.document.deleted.v1"));
            c.commit();
        }
        assertEquals(1, TestDatabase.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", id));
    }
}
