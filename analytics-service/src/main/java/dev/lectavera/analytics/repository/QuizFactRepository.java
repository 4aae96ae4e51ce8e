package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Graded quiz attempts and their per-question outcomes. */
@ApplicationScoped
public class QuizFactRepository {

    public record Attempt(UUID attemptId, UUID quizId, UUID userId, double score, double maxScore,
                          long durationSeconds, Instant completedAt) {
    }

    public record Outcome(UUID questionId, UUID documentId, Integer page, String topic, boolean correct) {
    }

    /** The attempt id is the key: outcomes are written only with a new attempt, never twice. */
    public void completed(Connection c, Attempt attempt, List<Outcome> outcomes) {
        int inserted = Sql.update(c, """
                INSERT INTO quiz_attempt_fact (attempt_id, quiz_id, user_id, score, max_score, duration_seconds, completed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (attempt_id) DO NOTHING""",
                attempt.attemptId(), attempt.quizId(), attempt.userId(), attempt.score(), attempt.maxScore(),
                attempt.durationSeconds(), attempt.completedAt());
        if (inserted == 0) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        for (int ordinal = 0; ordinal < outcomes.size(); ordinal++) {
            Outcome outcome = outcomes.get(ordinal);
            rows.add(new Object[] {attempt.attemptId(), ordinal, attempt.userId(), outcome.questionId(),
                    outcome.documentId(), outcome.page(), outcome.topic(), outcome.correct()});
        }
        Sql.batch(c, """
                INSERT INTO quiz_outcome_fact (attempt_id, ordinal, user_id, question_id, document_id, page, topic, correct)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }
}
