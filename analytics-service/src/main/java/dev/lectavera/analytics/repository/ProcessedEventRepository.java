package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.util.UUID;

/** The inbox of applied event ids (table from V1). */
@ApplicationScoped
public class ProcessedEventRepository {

    /**
     * Records the event id in the caller's transaction.
     *
     * @return true when the id is new (apply the event), false for a redelivery (skip it). A
     *         concurrent delivery of the same id waits on the unique key until the first commits.
     */
    public boolean markProcessed(Connection c, UUID eventId, String eventType) {
        return Sql.update(c, """
                INSERT INTO processed_event (event_id, event_type) VALUES (?, ?)
                ON CONFLICT (event_id) DO NOTHING""", eventId, eventType) == 1;
    }
}
