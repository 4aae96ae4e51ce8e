package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The all-time totals of one user, and the days on which they studied. */
@ApplicationScoped
public class OverviewQueries {

    public record Totals(long documentsIndexed, long pagesIndexed, long chatSessions, long chatMessages,
                         double chatSeconds, long questionsAsked, long quizzesTaken, Double averageScorePercent,
                         Double bestScorePercent, long quizSeconds) {
    }

    /** One statement, one snapshot: the figures agree with each other. */
    public Totals totals(Connection c, UUID userId, Duration chatSessionCap) {
        return Sql.queryOne(c, """
                WITH documents AS (
                  SELECT count(*) AS n, COALESCE(sum(page_count), 0) AS pages FROM document_fact
                  WHERE user_id = ? AND indexed_at IS NOT NULL AND deleted_at IS NULL),
                chats AS (
                  SELECT count(*) AS n, COALESCE(sum(message_count), 0) AS messages,
                         COALESCE(sum(LEAST(GREATEST(EXTRACT(EPOCH FROM ended_at - started_at), 0), ?)), 0) AS seconds
                  FROM chat_session_fact WHERE user_id = ?),
                questions AS (SELECT count(*) AS n FROM query_fact WHERE user_id = ?),
                attempts AS (
                  SELECT count(*) AS n,
                         avg(100 * score / max_score) FILTER (WHERE max_score > 0) AS average_percent,
                         max(100 * score / max_score) FILTER (WHERE max_score > 0) AS best_percent,
                         COALESCE(sum(duration_seconds), 0) AS seconds
                  FROM quiz_attempt_fact WHERE user_id = ?)
                SELECT documents.n AS documents, documents.pages, chats.n AS chats, chats.messages,
                       chats.seconds AS chat_seconds, questions.n AS questions, attempts.n AS attempts,
                       attempts.average_percent, attempts.best_percent, attempts.seconds AS quiz_seconds
                FROM documents, chats, questions, attempts""",
                row -> new Totals(row.getLong("documents"), row.getLong("pages"), row.getLong("chats"),
                        row.getLong("messages"), row.getDouble("chat_seconds"), row.getLong("questions"),
                        row.getLong("attempts"), Sql.nullableDouble(row, "average_percent"),
                        Sql.nullableDouble(row, "best_percent"), row.getLong("quiz_seconds")),
                userId, chatSessionCap.toSeconds(), userId, userId, userId);
    }

    /**
     * The distinct local days (in {@code zone}) with study activity: a question answered, a quiz
     * completed, a chat session started, or a card reviewed.
     */
    public List<LocalDate> activeDays(Connection c, UUID userId, String zone) {
        return Sql.query(c, """
                SELECT DISTINCT (t AT TIME ZONE ?)::date AS day FROM (
                  SELECT answered_at AS t FROM query_fact WHERE user_id = ?
                  UNION ALL SELECT completed_at FROM quiz_attempt_fact WHERE user_id = ?
                  UNION ALL SELECT started_at FROM chat_session_fact WHERE user_id = ?
                  UNION ALL SELECT reviewed_at FROM review_fact WHERE user_id = ?) activity
                ORDER BY day""",
                row -> row.getObject("day", LocalDate.class), zone, userId, userId, userId, userId);
    }
}
