package dev.lectavera.study.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Json;
import dev.lectavera.study.model.MessageRow;
import dev.lectavera.study.model.Role;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.model.SessionStatus;
import dev.lectavera.study.model.Verdict;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * chat_message over plain JDBC. Messages are ordered by {@code seq}, a global identity: a message is only inserted
 * while its session row is locked (see append), so within one session seq order is commit order and a poll for
 * "after X" never misses a message that was still committing. The UUID is the public id; seq stays internal.
 */
@ApplicationScoped
public class MessageRepository {

    private static final String COLUMNS = "id, seq, session_id, role, content, citations::text AS citations, verdict,"
            + " model, cache_hit, prompt_tokens, completion_tokens, latency_ms, created_at";

    /** A message about to be stored (no seq or timestamp yet). */
    public record NewMessage(UUID id, UUID sessionId, Role role, String content, List<Citation> citations,
                             Verdict verdict, String model, Boolean cacheHit, Integer promptTokens,
                             Integer completionTokens, Long latencyMs) {

        public static NewMessage user(UUID id, UUID sessionId, String content) {
            return new NewMessage(id, sessionId, Role.USER, content, List.of(), null, null, null, null, null, null);
        }
    }

    private final Database database;

    MessageRepository(Database database) {
        this.database = database;
    }

    /** A stored message and its session as the same statement left it (counters moved). */
    public record Appended(MessageRow message, SessionRow session) {
    }

    /**
     * Stores a message in a session of the user's and moves the session's counters, in one statement (one round
     * trip instead of lock, insert and update): the session row is locked before the insert draws its seq.
     * Empty when the session is not the user's, or when {@code activeOnly} and it is not active.
     */
    public Optional<Appended> append(UUID userId, NewMessage m, boolean activeOnly) {
        // the casts type the nullable parameters: in a SELECT list nothing else tells PostgreSQL their type
        return database.queryFirst("WITH s AS (SELECT id FROM chat_session"
                + " WHERE id = ? AND user_id = ?" + (activeOnly ? " AND status = 'ACTIVE'" : "") + " FOR UPDATE),"
                + " m AS (INSERT INTO chat_message (id, session_id, role, content, citations, verdict, model,"
                + " cache_hit, prompt_tokens, completion_tokens, latency_ms)"
                + " SELECT ?, s.id, ?, ?, ?::jsonb, ?::text, ?::text, ?::boolean, ?::integer, ?::integer, ?::bigint"
                + " FROM s RETURNING " + COLUMNS + "),"
                + " u AS (UPDATE chat_session c SET message_count = c.message_count + 1,"
                + " last_message_seq = m.seq, last_activity_at = m.created_at, archive_after = NULL"
                + " FROM m WHERE c.id = m.session_id RETURNING c.user_id, c.title, c.document_ids, c.status,"
                + " c.started_at, c.archived_at, c.message_count)"
                + " SELECT m.*, u.* FROM m, u", MessageRepository::appended, m.sessionId(), userId, m.id(), m.role(), m.content(), Json.write(m.citations()), m.verdict(),
                m.model(), m.cacheHit(), m.promptTokens(), m.completionTokens(), m.latencyMs());
    }

    /** A question and its answer stored together, and their session as the statement left it. */
    public record AppendedExchange(MessageRow question, MessageRow answer, SessionRow session) {
    }

    /**
     * Stores a question and its answer (known before the question was stored: a cache hit) in an active session of
     * the user's and moves the session's counters, in one statement: one round trip instead of two appends. The
     * answer's insert reads the question's inserted row, so it runs after it and draws the higher seq. Empty when the
     * session is not the user's active one.
     */
    public Optional<AppendedExchange> appendExchange(UUID userId, NewMessage question, NewMessage answer) {
        String insert = "INSERT INTO chat_message (id, session_id, role, content, citations, verdict, model,"
                + " cache_hit, prompt_tokens, completion_tokens, latency_ms) SELECT ?, %s.%s, ?, ?, ?::jsonb, ?::text,"
                + " ?::text, ?::boolean, ?::integer, ?::integer, ?::bigint FROM %s RETURNING " + COLUMNS;
        List<Appended> stored = database.query("WITH s AS (SELECT id FROM chat_session"
                + " WHERE id = ? AND user_id = ? AND status = 'ACTIVE' FOR UPDATE),"
                + " q AS (" + insert.formatted("s", "id", "s") + "),"
                + " a AS (" + insert.formatted("q", "session_id", "q") + "),"
                + " u AS (UPDATE chat_session c SET message_count = c.message_count + 2,"
                + " last_message_seq = a.seq, last_activity_at = a.created_at, archive_after = NULL"
                + " FROM a WHERE c.id = a.session_id RETURNING c.user_id, c.title, c.document_ids, c.status,"
                + " c.started_at, c.archived_at, c.message_count)"
                + " SELECT m.*, u.* FROM (SELECT * FROM q UNION ALL SELECT * FROM a) m, u ORDER BY m.seq",
                MessageRepository::appended, question.sessionId(), userId,
                question.id(), question.role(), question.content(), Json.write(question.citations()),
                question.verdict(), question.model(), question.cacheHit(), question.promptTokens(),
                question.completionTokens(), question.latencyMs(),
                answer.id(), answer.role(), answer.content(), Json.write(answer.citations()), answer.verdict(),
                answer.model(), answer.cacheHit(), answer.promptTokens(), answer.completionTokens(), answer.latencyMs());
        return stored.size() == 2
                ? Optional.of(new AppendedExchange(stored.get(0).message(), stored.get(1).message(), stored.get(1).session()))
                : Optional.empty();
    }

    /** The seq of a message of this session. */
    public Optional<Long> seqOf(UUID sessionId, UUID messageId) {
        return database.queryFirst("SELECT seq FROM chat_message WHERE id = ? AND session_id = ?",
                row -> row.getLong(1), messageId, sessionId);
    }

    /** Messages with seq above {@code afterSeq}, oldest first. */
    public List<MessageRow> after(UUID sessionId, long afterSeq, int limit) {
        return database.query("SELECT " + COLUMNS
                        + " FROM chat_message WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                MessageRepository::map, sessionId, afterSeq, limit);
    }

    /** The newest {@code limit} messages, oldest first. */
    public List<MessageRow> latest(UUID sessionId, int limit) {
        return database.query("SELECT " + COLUMNS + " FROM chat_message WHERE session_id = ? ORDER BY seq DESC LIMIT ?",
                MessageRepository::map, sessionId, limit).reversed();
    }

    /** A row of an append: the message and its session's columns, with the message as the session's newest. */
    private static Appended appended(ResultSet row) throws SQLException {
        MessageRow message = map(row);
        return new Appended(message, new SessionRow(message.sessionId(), Sql.uuid(row, "user_id"),
                row.getString("title"), Sql.uuids(row, "document_ids"), SessionStatus.valueOf(row.getString("status")),
                Sql.instant(row, "started_at"), message.createdAt(), Sql.instant(row, "archived_at"),
                row.getInt("message_count"), message.seq()));
    }

    private static MessageRow map(ResultSet rs) throws SQLException {
        String verdict = rs.getString("verdict");
        return new MessageRow(
                Sql.uuid(rs, "id"),
                rs.getLong("seq"),
                Sql.uuid(rs, "session_id"),
                Role.valueOf(rs.getString("role")),
                rs.getString("content"),
                Json.readCitations(rs.getString("citations")),
                verdict == null ? null : Verdict.valueOf(verdict),
                rs.getString("model"),
                (Boolean) rs.getObject("cache_hit"),
                (Integer) rs.getObject("prompt_tokens"),
                (Integer) rs.getObject("completion_tokens"),
                (Long) rs.getObject("latency_ms"),
                Sql.instant(rs, "created_at"));
    }
}
