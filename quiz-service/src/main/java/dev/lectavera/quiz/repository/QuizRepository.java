package dev.lectavera.quiz.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import dev.lectavera.quiz.model.GenerationMetadata;
import dev.lectavera.quiz.model.Json;
import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.model.Quiz;
import dev.lectavera.quiz.model.QuizDocument;
import dev.lectavera.quiz.model.QuizSummary;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Database database;

    QuizRepository(Database database) {
        this.database = database;
    }

    public void insert(Quiz quiz, List<QuizDocument> documents, List<Question> questions) {
        database.update("""
                INSERT INTO quiz (id, user_id, title, difficulty, question_types, requested_count, question_count,
                                  generator, generation, source_deleted, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)""",
                quiz.id(), quiz.userId(), quiz.title(), quiz.difficulty(), Json.write(quiz.types()),
                quiz.requestedCount(), quiz.questionCount(), quiz.generator(), Json.write(quiz.generation()),
                quiz.sourceDeleted(), quiz.createdAt());
        List<Object[]> documentRows = new ArrayList<>(documents.size());
        for (int position = 0; position < documents.size(); position++) {
            QuizDocument document = documents.get(position);
            documentRows.add(new Object[] {quiz.id(), document.documentId(), position, document.title(),
                    document.version()});
        }
        database.batch("""
                INSERT INTO quiz_document (quiz_id, document_id, position, title, version)
                VALUES (?, ?, ?, ?, ?)""", documentRows);
        // the casts type the nullable offsets (a null alone tells PostgreSQL nothing)
        database.batch("""
                INSERT INTO question (id, quiz_id, position, type, prompt, options, answer, explanation, topic,
                                      document_id, page, passage, start_offset, end_offset)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::integer, ?::integer)""",
                questions.stream().map(q -> new Object[] {q.id(), quiz.id(), q.position(), q.type(), q.prompt(),
                        Json.write(q.options()), q.answer(), q.explanation(), q.topic(), q.documentId(), q.page(),
                        q.passage(), q.startOffset(), q.endOffset()}).toList());
    }

    public Optional<Quiz> findOwned(UUID userId, UUID quizId) {
        return database.queryFirst("SELECT " + QUIZ_COLUMNS + " FROM quiz q WHERE q.id = ? AND q.user_id = ?",
                QuizRepository::quiz, quizId, userId);
    }

    public List<QuizDocument> documents(UUID quizId) {
        return database.query("""
                SELECT document_id, title, version, deleted_at FROM quiz_document WHERE quiz_id = ?
                ORDER BY position""", row -> new QuizDocument(Sql.uuid(row, "document_id"), row.getString("title"),
                row.getLong("version"), Sql.instant(row, "deleted_at")), quizId);
    }

    public List<Question> questions(UUID quizId) {
        return database.query("""
                SELECT id, quiz_id, position, type, prompt, options, answer, explanation, topic, document_id, page,
                       passage, start_offset, end_offset
                FROM question WHERE quiz_id = ? ORDER BY position""", QuizRepository::question, quizId);
    }

    /** A question of one of the user's quizzes. */
    public Optional<Question> findOwnedQuestion(UUID userId, UUID questionId) {
        return database.queryFirst("""
                SELECT q.id, q.quiz_id, q.position, q.type, q.prompt, q.options, q.answer, q.explanation, q.topic,
                       q.document_id, q.page, q.passage, q.start_offset, q.end_offset
                FROM question q JOIN quiz z ON z.id = q.quiz_id WHERE q.id = ? AND z.user_id = ?""",
                QuizRepository::question, questionId, userId);
    }

    /** One page of the user's quizzes, newest first, each with its attempt count and best attempt. */
    public List<QuizSummary> list(UUID userId, int offset, int limit) {
        return database.query("SELECT " + QUIZ_COLUMNS + """
                        , coalesce(a.attempts, 0) AS attempt_count, b.score AS best_score, b.max_score AS best_max_score
                        FROM quiz q
                        LEFT JOIN LATERAL (SELECT count(*) AS attempts FROM attempt
                                           WHERE quiz_id = q.id AND user_id = q.user_id) a ON true
                        LEFT JOIN LATERAL (SELECT score, max_score FROM attempt
                                           WHERE quiz_id = q.id AND user_id = q.user_id
                                           ORDER BY score / max_score DESC, completed_at LIMIT 1) b ON true
                        WHERE q.user_id = ?
                        ORDER BY q.created_at DESC, q.id
                        OFFSET ? LIMIT ?""",
                row -> new QuizSummary(quiz(row), row.getInt("attempt_count"), Sql.nullableDouble(row, "best_score"),
                        Sql.nullableDouble(row, "best_max_score")),
                userId, offset, limit);
    }

    public long count(UUID userId) {
        return database.queryOne("SELECT count(*) FROM quiz WHERE user_id = ?", row -> row.getLong(1), userId);
    }

    /**
     * Marks every quiz built on the document: the document's deletion time, and the quiz's source_deleted flag. The
     * questions stay readable (they quote the passages they were drawn from).
     *
     * @return quizzes marked
     */
    public int markDocumentDeleted(UUID documentId, Instant deletedAt) {
        database.update("UPDATE quiz_document SET deleted_at = coalesce(deleted_at, ?) WHERE document_id = ?",
                deletedAt, documentId);
        return database.update("""
                UPDATE quiz SET source_deleted = true
                WHERE id IN (SELECT quiz_id FROM quiz_document WHERE document_id = ?)""", documentId);
    }

    /**
     * Deletes every quiz of the user; questions, attempts and answers go with them (cascade), and so do the quizzes'
     * events still in the outbox (keyed by the quiz id; they carry the user's id, scores and topics).
     */
    public int deleteByUser(UUID userId) {
        database.update("DELETE FROM outbox_event WHERE record_key IN (SELECT id::text FROM quiz WHERE user_id = ?)",
                userId);
        database.update("DELETE FROM attempt WHERE user_id = ?", userId);
        return database.update("DELETE FROM quiz WHERE user_id = ?", userId);
    }

    private static Question question(ResultSet row) throws SQLException {
        return new Question(Sql.uuid(row, "id"), Sql.uuid(row, "quiz_id"), row.getInt("position"),
                row.getString("type"), row.getString("prompt"), Json.readStrings(row.getString("options")),
                row.getString("answer"), row.getString("explanation"), row.getString("topic"),
                Sql.uuid(row, "document_id"), row.getInt("page"), row.getString("passage"),
                Sql.nullableInt(row, "start_offset"), Sql.nullableInt(row, "end_offset"));
    }

    private static Quiz quiz(ResultSet row) throws SQLException {
        return new Quiz(Sql.uuid(row, "id"), Sql.uuid(row, "user_id"), row.getString("title"),
                row.getString("difficulty"), Json.readStrings(row.getString("question_types")),
                row.getInt("requested_count"), row.getInt("question_count"), row.getString("generator"),
                Json.read(row.getString("generation"), GenerationMetadata.class), row.getBoolean("source_deleted"),
                Sql.instant(row, "created_at"));
    }
}
