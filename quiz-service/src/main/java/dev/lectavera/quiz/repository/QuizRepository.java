package dev.lectavera.quiz.repository;

import dev.lectavera.kit.jdbc.DataAccessException;
import dev.lectavera.quiz.model.GenerationMetadata;
import dev.lectavera.quiz.model.Json;
import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.model.Quiz;
import dev.lectavera.quiz.model.QuizDocument;
import dev.lectavera.quiz.model.QuizSummary;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Quizzes, their documents and questions. Plain SQL on the service's own datasource: called inside the caller's
 * transaction (the connection is enlisted). Every read is scoped by the owner's user id.
 */
@ApplicationScoped
public class QuizRepository {

    private static final String QUIZ_COLUMNS = "q.id, q.user_id, q.title, q.difficulty, q.question_types,"
            + " q.requested_count, q.question_count, q.generator, q.generation, q.source_deleted, q.created_at";

    private final AgroalDataSource dataSource;

    QuizRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Quiz quiz, List<QuizDocument> documents, List<Question> questions) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO quiz (id, user_id, title, difficulty, question_types, requested_count, question_count,
                                      generator, generation, source_deleted, created_at)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)""")) {
                insert.setObject(1, quiz.id());
                insert.setObject(2, quiz.userId());
                insert.setString(3, quiz.title());
                insert.setString(4, quiz.difficulty());
                insert.setString(5, Json.write(quiz.types()));
                insert.setInt(6, quiz.requestedCount());
                insert.setInt(7, quiz.questionCount());
                insert.setString(8, quiz.generator());
                insert.setString(9, Json.write(quiz.generation()));
                insert.setBoolean(10, quiz.sourceDeleted());
                insert.setTimestamp(11, Timestamp.from(quiz.createdAt()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO quiz_document (quiz_id, document_id, position, title, version)
                    VALUES (?, ?, ?, ?, ?)""")) {
                int position = 0;
                for (QuizDocument document : documents) {
                    insert.setObject(1, quiz.id());
                    insert.setObject(2, document.documentId());
                    insert.setInt(3, position++);
                    insert.setString(4, document.title());
                    insert.setLong(5, document.version());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO question (id, quiz_id, position, type, prompt, options, answer, explanation, topic,
                                          document_id, page, passage, start_offset, end_offset)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Question q : questions) {
                    insert.setObject(1, q.id());
                    insert.setObject(2, quiz.id());
                    insert.setInt(3, q.position());
                    insert.setString(4, q.type());
                    insert.setString(5, q.prompt());
                    insert.setString(6, Json.write(q.options()));
                    insert.setString(7, q.answer());
                    insert.setString(8, q.explanation());
                    insert.setString(9, q.topic());
                    insert.setObject(10, q.documentId());
                    insert.setInt(11, q.page());
                    insert.setString(12, q.passage());
                    setInteger(insert, 13, q.startOffset());
                    setInteger(insert, 14, q.endOffset());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Storing quiz " + quiz.id() + " failed", e);
        }
    }

    public Optional<Quiz> findOwned(UUID userId, UUID quizId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT " + QUIZ_COLUMNS + " FROM quiz q WHERE q.id = ? AND q.user_id = ?")) {
            select.setObject(1, quizId);
            select.setObject(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(quiz(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading quiz " + quizId + " failed", e);
        }
    }

    public List<QuizDocument> documents(UUID quizId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT document_id, title, version, deleted_at FROM quiz_document WHERE quiz_id = ?
                     ORDER BY position""")) {
            select.setObject(1, quizId);
            List<QuizDocument> documents = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    documents.add(new QuizDocument(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                            instant(rs.getTimestamp(4))));
                }
            }
            return documents;
        } catch (SQLException e) {
            throw new DataAccessException("Reading the documents of quiz " + quizId + " failed", e);
        }
    }

    public List<Question> questions(UUID quizId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT id, quiz_id, position, type, prompt, options, answer, explanation, topic, document_id, page,
                            passage, start_offset, end_offset
                     FROM question WHERE quiz_id = ? ORDER BY position""")) {
            select.setObject(1, quizId);
            List<Question> questions = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    questions.add(new Question(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                            rs.getString(4), rs.getString(5), Json.readStrings(rs.getString(6)), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class), rs.getInt(11),
                            rs.getString(12), integer(rs, 13), integer(rs, 14)));
                }
            }
            return questions;
        } catch (SQLException e) {
            throw new DataAccessException("Reading the questions of quiz " + quizId + " failed", e);
        }
    }

    /** One page of the user's quizzes, newest first, each with its attempt count and best attempt. */
    public List<QuizSummary> list(UUID userId, int offset, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT " + QUIZ_COLUMNS + """
                     , coalesce(a.attempts, 0), b.score, b.max_score
                     FROM quiz q
                     LEFT JOIN LATERAL (SELECT count(*) AS attempts FROM attempt
                                        WHERE quiz_id = q.id AND user_id = q.user_id) a ON true
                     LEFT JOIN LATERAL (SELECT score, max_score FROM attempt
                                        WHERE quiz_id = q.id AND user_id = q.user_id
                                        ORDER BY score / max_score DESC, completed_at LIMIT 1) b ON true
                     WHERE q.user_id = ?
                     ORDER BY q.created_at DESC, q.id
                     OFFSET ? LIMIT ?""")) {
            select.setObject(1, userId);
            select.setInt(2, offset);
            select.setInt(3, limit);
            List<QuizSummary> summaries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    double best = rs.getDouble(13);
                    Double bestScore = rs.wasNull() ? null : best;
                    double bestMax = rs.getDouble(14);
                    Double bestMaxScore = rs.wasNull() ? null : bestMax;
                    summaries.add(new QuizSummary(quiz(rs), rs.getInt(12), bestScore, bestMaxScore));
                }
            }
            return summaries;
        } catch (SQLException e) {
            throw new DataAccessException("Listing quizzes failed", e);
        }
    }

    public long count(UUID userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT count(*) FROM quiz WHERE user_id = ?")) {
            select.setObject(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Counting quizzes failed", e);
        }
    }

    /**
     * Marks every quiz built on the document: the document's deletion time, and the quiz's source_deleted flag. The
     * questions stay readable (they quote the passages they were drawn from).
     *
     * @return quizzes marked
     */
    public int markDocumentDeleted(UUID documentId, Instant deletedAt) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE quiz_document SET deleted_at = coalesce(deleted_at, ?) WHERE document_id = ?")) {
                update.setTimestamp(1, Timestamp.from(deletedAt));
                update.setObject(2, documentId);
                update.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE quiz SET source_deleted = true
                    WHERE id IN (SELECT quiz_id FROM quiz_document WHERE document_id = ?)""")) {
                update.setObject(1, documentId);
                return update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Marking quizzes of document " + documentId + " failed", e);
        }
    }

    /**
     * Deletes every quiz of the user; questions, attempts and answers go with them (cascade), and so do the quizzes'
     * events still in the outbox (keyed by the quiz id; they carry the user's id, scores and topics).
     */
    public int deleteByUser(UUID userId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM outbox_event WHERE record_key IN (SELECT id::text FROM quiz WHERE user_id = ?)")) {
                delete.setObject(1, userId);
                delete.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM attempt WHERE user_id = ?")) {
                delete.setObject(1, userId);
                delete.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM quiz WHERE user_id = ?")) {
                delete.setObject(1, userId);
                return delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Purging the quizzes of user " + userId + " failed", e);
        }
    }

    private static Quiz quiz(ResultSet rs) throws SQLException {
        return new Quiz(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                Json.readStrings(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getString(8),
                Json.read(rs.getString(9), GenerationMetadata.class), rs.getBoolean(10),
                rs.getTimestamp(11).toInstant());
    }

    static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static Integer integer(ResultSet rs, int index) throws SQLException {
        int value = rs.getInt(index);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
