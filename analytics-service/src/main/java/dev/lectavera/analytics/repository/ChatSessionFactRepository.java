package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

/** One row per archived chat session; a later archive of the same session (resumed, re-archived) supersedes. */
@ApplicationScoped
public class ChatSessionFactRepository {

    public void archived(Connection c, UUID sessionId, UUID userId, int messageCount, Instant startedAt,
                         Instant endedAt) {
        Sql.update(c, """
                INSERT INTO chat_session_fact (session_id, user_id, message_count, started_at, ended_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET
                  message_count = EXCLUDED.message_count,
                  started_at = EXCLUDED.started_at,
                  ended_at = EXCLUDED.ended_at
                WHERE EXCLUDED.ended_at > chat_session_fact.ended_at""",
                sessionId, userId, messageCount, startedAt, endedAt);
    }
}
