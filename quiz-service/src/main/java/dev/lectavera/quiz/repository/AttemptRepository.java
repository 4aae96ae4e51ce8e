package dev.lectavera.quiz.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import dev.lectavera.quiz.model.Attempt;
import dev.lectavera.quiz.model.AttemptAnswer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Graded attempts and their answers, always read through the owner's user id. */
@ApplicationScoped
public class AttemptRepository {

    private static final String COLUMNS = "id, quiz_id, user_id, score, max_score, time_spent_seconds, completed_at";

    private final Database database;

    AttemptRepository(Database database) {
        this.database = database;
    }

    /** Within the caller's transaction. */
    public void insert(Attempt attempt, List<AttemptAnswer> answers) {
        database.update("INSERT INTO attempt (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", attempt.id(),
                attempt.quizId(), attempt.userId(), attempt.score(), attempt.maxScore(), attempt.timeSpentSeconds(),
                attempt.completedAt());
        database.batch("""
                INSERT INTO attempt_answer (attempt_id, question_id, answer, correct, grading)
                VALUES (?, ?, ?, ?, ?)""", answers.stream().map(answer -> new Object[] {attempt.id(),
                answer.questionId(), answer.answer(), answer.correct(), answer.grading()}).toList());
    }

    public Optional<Attempt> findOwned(UUID userId, UUID quizId, UUID attemptId) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM attempt WHERE id = ? AND quiz_id = ? AND user_id = ?",
                AttemptRepository::attempt, attemptId, quizId, userId);
    }

    public List<AttemptAnswer> answers(UUID attemptId) {
        return database.query("SELECT question_id, answer, correct, grading FROM attempt_answer WHERE attempt_id = ?",
                row -> new AttemptAnswer(Sql.uuid(row, "question_id"), row.getString("answer"),
                        row.getBoolean("correct"), row.getString("grading")), attemptId);
    }

    /** One page of the user's attempts at a quiz, newest first. */
    public List<Attempt> list(UUID userId, UUID quizId, int offset, int limit) {
        return database.query("SELECT " + COLUMNS + " FROM attempt"
                        + " WHERE quiz_id = ? AND user_id = ? ORDER BY completed_at DESC, id OFFSET ? LIMIT ?",
                AttemptRepository::attempt, quizId, userId, offset, limit);
    }

    public long count(UUID userId, UUID quizId) {
        return database.queryOne("SELECT count(*) FROM attempt WHERE quiz_id = ? AND user_id = ?",
                row -> row.getLong(1), quizId, userId);
    }

    private static Attempt attempt(ResultSet row) throws SQLException {
        return new Attempt(Sql.uuid(row, "id"), Sql.uuid(row, "quiz_id"), Sql.uuid(row, "user_id"),
                row.getDouble("score"), row.getDouble("max_score"), row.getInt("time_spent_seconds"),
                Sql.instant(row, "completed_at"));
    }
}
