package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Quiz attempts and question outcomes of one user, per attempt, per document and per topic. */
@ApplicationScoped
public class QuizPerformanceQueries {

    public record AttemptRow(UUID attemptId, UUID quizId, Instant completedAt, double score, double maxScore,
                             long durationSeconds) {
    }

    public record DocumentRow(UUID documentId, String title, boolean deleted, long attempts, long questions,
                              long correct, double averagePercent) {
    }

    public record TopicRow(String topic, long correct, long total) {
    }

    /** Missed questions of one topic on one page of one document (documents known deleted left out). */
    public record MissRow(String topic, UUID documentId, String title, Integer page, long missed) {
    }

    public List<AttemptRow> attempts(Connection c, UUID userId) {
        return Sql.query(c, """
                SELECT attempt_id, quiz_id, completed_at, score, max_score, duration_seconds
                FROM quiz_attempt_fact WHERE user_id = ? ORDER BY completed_at, attempt_id""",
                row -> new AttemptRow(Sql.uuid(row, "attempt_id"), Sql.uuid(row, "quiz_id"),
                        Sql.instant(row, "completed_at"), row.getDouble("score"), row.getDouble("max_score"),
                        row.getLong("duration_seconds")),
                userId);
    }

    /**
     * Per document: the attempts with at least one of its questions, and the mean over those attempts
     * of the share of its questions answered correctly (each attempt weighs the same).
     */
    public List<DocumentRow> perDocument(Connection c, UUID userId) {
        return Sql.query(c, """
                SELECT o.document_id, d.title, d.deleted_at IS NOT NULL AS deleted, count(*) AS attempts,
                       sum(o.questions) AS questions, sum(o.correct) AS correct,
                       avg(100.0 * o.correct / o.questions) AS average_percent
                FROM (SELECT document_id, attempt_id, count(*) AS questions, count(*) FILTER (WHERE correct) AS correct
                      FROM quiz_outcome_fact WHERE user_id = ? AND document_id IS NOT NULL
                      GROUP BY document_id, attempt_id) o
                LEFT JOIN document_fact d ON d.document_id = o.document_id AND d.user_id = ?
                GROUP BY o.document_id, d.title, d.deleted_at
                ORDER BY average_percent, o.document_id""",
                row -> new DocumentRow(Sql.uuid(row, "document_id"), row.getString("title"),
                        row.getBoolean("deleted"), row.getLong("attempts"), row.getLong("questions"),
                        row.getLong("correct"), row.getDouble("average_percent")),
                userId, userId);
    }

    public List<TopicRow> perTopic(Connection c, UUID userId) {
        return Sql.query(c, """
                SELECT topic, count(*) FILTER (WHERE correct) AS correct, count(*) AS total
                FROM quiz_outcome_fact WHERE user_id = ? AND topic IS NOT NULL
                GROUP BY topic ORDER BY topic""",
                row -> new TopicRow(row.getString("topic"), row.getLong("correct"), row.getLong("total")),
                userId);
    }

    public List<MissRow> misses(Connection c, UUID userId, Collection<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        return Sql.query(c, """
                SELECT o.topic, o.document_id, d.title, o.page, count(*) AS missed
                FROM quiz_outcome_fact o
                LEFT JOIN document_fact d ON d.document_id = o.document_id AND d.user_id = o.user_id
                WHERE o.user_id = ? AND NOT o.correct AND o.topic = ANY (?) AND o.document_id IS NOT NULL
                  AND d.deleted_at IS NULL
                GROUP BY o.topic, o.document_id, d.title, o.page""",
                row -> new MissRow(row.getString("topic"), Sql.uuid(row, "document_id"), row.getString("title"),
                        (Integer) row.getObject("page"), row.getLong("missed")),
                userId, topics);
    }
}
