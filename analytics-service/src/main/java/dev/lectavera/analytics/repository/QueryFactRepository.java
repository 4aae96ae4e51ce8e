package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

/** One row per answered question (the query log). */
@ApplicationScoped
public class QueryFactRepository {

    public record QueryFact(UUID messageId, UUID userId, UUID sessionId, Instant answeredAt, long latencyMs,
                            boolean cacheHit, String verdict, int citationCount, int promptTokens,
                            int completionTokens, String model) {
    }

    /** The message id is the key: the same answer published twice under two event ids is still one question. */
    public void answered(Connection c, QueryFact fact) {
        Sql.update(c, """
                INSERT INTO query_fact (message_id, user_id, session_id, answered_at, latency_ms, cache_hit, verdict,
                                        citation_count, prompt_tokens, completion_tokens, model)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (message_id) DO NOTHING""",
                fact.messageId(), fact.userId(), fact.sessionId(), fact.answeredAt(), fact.latencyMs(),
                fact.cacheHit(), fact.verdict(), fact.citationCount(), fact.promptTokens(),
                fact.completionTokens(), fact.model());
    }
}
