package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Users as the events describe them: registration, deletion tombstones, and the purge. */
@ApplicationScoped
public class UserRepository {

    /**
     * Every table holding a user's facts, all keyed by {@code user_id}. The purge deletes from each;
     * a test checks that no table with a {@code user_id} column is missing here.
     */
    static final List<String> USER_FACT_TABLES = List.of(
            "quiz_outcome_fact", "quiz_attempt_fact", "query_fact", "chat_session_fact", "document_fact",
            "review_fact", "review_card_fact", "user_account");

    /**
     * Locks the user until the transaction ends, so that a purge and a fact of the same user never
     * interleave (a fact committed after a concurrent purge would survive it). Facts take the lock
     * shared (they never wait for each other), a purge takes it exclusive. A purge transaction holds
     * no other lock, so batches of facts and purges cannot deadlock.
     */
    public void lockUser(Connection c, UUID userId, boolean exclusive) {
        Sql.query(c, exclusive
                ? "SELECT pg_advisory_xact_lock(hashtextextended(?::text, 0))"
                : "SELECT pg_advisory_xact_lock_shared(hashtextextended(?::text, 0))", row -> null, userId);
    }

    public boolean isDeleted(Connection c, UUID userId) {
        return !Sql.query(c, "SELECT 1 FROM deleted_user WHERE user_id = ?", row -> 1, userId).isEmpty();
    }

    /** First registration wins; a redelivery or a replay changes nothing. */
    public void register(Connection c, UUID userId, Instant registeredAt) {
        Sql.update(c, """
                INSERT INTO user_account (user_id, registered_at) VALUES (?, ?)
                ON CONFLICT (user_id) DO NOTHING""", userId, registeredAt);
    }

    /** Leaves a tombstone (kept forever, even by a read-model reset) and deletes every fact of the user. */
    public void purge(Connection c, UUID userId, Instant deletedAt) {
        Sql.update(c, """
                INSERT INTO deleted_user (user_id, deleted_at) VALUES (?, ?)
                ON CONFLICT (user_id) DO NOTHING""", userId, deletedAt);
        for (String table : USER_FACT_TABLES) {
            Sql.update(c, "DELETE FROM " + table + " WHERE user_id = ?", userId);
        }
    }
}
