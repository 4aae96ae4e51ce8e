package dev.lectavera.quiz.repository;

import dev.lectavera.kit.jdbc.DataAccessException;
import dev.lectavera.quiz.model.Attempt;
import dev.lectavera.quiz.model.AttemptAnswer;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Graded attempts and their answers, always read through the owner's user id. */
@ApplicationScoped
public class AttemptRepository {

    private static final String COLUMNS = "id, quiz_id, user_id, score, max_score, time_spent_seconds, completed_at";

    private final AgroalDataSource dataSource;

    AttemptRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Attempt attempt, List<AttemptAnswer> answers) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO attempt (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, attempt.id());
                insert.setObject(2, attempt.quizId());
                insert.setObject(3, attempt.userId());
                insert.setDouble(4, attempt.score());
                insert.setDouble(5, attempt.maxScore());
                insert.setInt(6, attempt.timeSpentSeconds());
                insert.setTimestamp(7, Timestamp.from(attempt.completedAt()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO attempt_answer (attempt_id, question_id, answer, correct, grading)
                    VALUES (?, ?, ?, ?, ?)""")) {
                for (AttemptAnswer answer : answers) {
                    insert.setObject(1, attempt.id());
                    insert.setObject(2, answer.questionId());
                    insert.setString(3, answer.answer());
                    insert.setBoolean(4, answer.correct());
                    insert.setString(5, answer.grading());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Storing attempt " + attempt.id() + " failed", e);
        }
    }

    public Optional<Attempt> findOwned(UUID userId, UUID quizId, UUID attemptId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM attempt WHERE id = ? AND quiz_id = ? AND user_id = ?")) {
            select.setObject(1, attemptId);
            select.setObject(2, quizId);
            select.setObject(3, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(attempt(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading attempt " + attemptId + " failed", e);
        }
    }

    public List<AttemptAnswer> answers(UUID attemptId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT question_id, answer, correct, grading FROM attempt_answer WHERE attempt_id = ?")) {
            select.setObject(1, attemptId);
            List<AttemptAnswer> answers = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    answers.add(new AttemptAnswer(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                            rs.getString(4)));
                }
            }
            return answers;
        } catch (SQLException e) {
            throw new DataAccessException("Reading the answers of attempt " + attemptId + " failed", e);
        }
    }

    /** One page of the user's attempts at a quiz, newest first. */
    public List<Attempt> list(UUID userId, UUID quizId, int offset, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM attempt"
                     + " WHERE quiz_id = ? AND user_id = ? ORDER BY completed_at DESC, id OFFSET ? LIMIT ?")) {
            select.setObject(1, quizId);
            select.setObject(2, userId);
            select.setInt(3, offset);
            select.setInt(4, limit);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    attempts.add(attempt(rs));
                }
            }
            return attempts;
        } catch (SQLException e) {
            throw new DataAccessException("Listing attempts failed", e);
        }
    }

    public long count(UUID userId, UUID quizId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT count(*) FROM attempt WHERE quiz_id = ? AND user_id = ?")) {
            select.setObject(1, quizId);
            select.setObject(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Counting attempts failed", e);
        }
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        return new Attempt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getDouble(4), rs.getDouble(5), rs.getInt(6), rs.getTimestamp(7).toInstant());
    }
}
