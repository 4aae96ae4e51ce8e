package dev.lectavera.analytics.event;

import dev.lectavera.kit.jdbc.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIngestorTest {

    private static RuntimeException sql(String state) {
        return new DataAccessException("update failed", new SQLException("boom", state));
    }

    @Test
    void connectionTroubleDeadlocksAndShutdownsAreWorthARetry() {
        assertTrue(EventIngestor.isTransient(sql("08006")));   // connection failure
        assertTrue(EventIngestor.isTransient(sql("40P01")));   // deadlock
        assertTrue(EventIngestor.isTransient(sql("40001")));   // serialization failure
        assertTrue(EventIngestor.isTransient(sql("53300")));   // too many connections
        assertTrue(EventIngestor.isTransient(sql("57P01")));   // admin shutdown
        assertTrue(EventIngestor.isTransient(sql(null)));      // pool acquisition timeout
    }

    @Test
    void badDataAndBugsAreNot() {
        assertFalse(EventIngestor.isTransient(sql("22001")));  // value too long
        assertFalse(EventIngestor.isTransient(sql("23502")));  // not-null violation
        assertFalse(EventIngestor.isTransient(sql("42703")));  // undefined column
        assertFalse(EventIngestor.isTransient(new IllegalStateException("bug")));
    }
}
