package dev.lectavera.study.repository;

import dev.lectavera.kit.jdbc.DataAccessException;
import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Json;
import dev.lectavera.study.model.MessageRow;
import dev.lectavera.study.model.Role;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.model.SessionStatus;
import dev.lectavera.study.model.Verdict;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
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

    private final AgroalDataSource dataSource;

    MessageRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("WITH s AS (SELECT id FROM chat_session"
                     + " WHERE id = ? AND user_id = ?" + (activeOnly ? " AND status = 'ACTIVE'" : "") + " FOR UPDATE),"
                     + " m AS (INSERT INTO chat_message (id, session_id, role, content, citations, verdict, model,"
                     + " cache_hit, prompt_tokens, completion_tokens, latency_ms)"
                     + " SELECT ?, s.id, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ? FROM s RETURNING " + COLUMNS + "),"
                     + " u AS (UPDATE chat_session c SET message_count = c.message_count + 1,"
                     + " last_message_seq = m.seq, last_activity_at = m.created_at, archive_after = NULL"
                     + " FROM m WHERE c.id = m.session_id RETURNING c.user_id, c.title, c.document_ids, c.status,"
                     + " c.started_at, c.archived_at, c.message_count)"
                     + " SELECT m.*, u.* FROM m, u")) {
            ps.setObject(1, m.sessionId());
            ps.setObject(2, userId);
            ps.setObject(3, m.id());
            ps.setString(4, m.role().name());
            ps.setString(5, m.content());
            ps.setString(6, Json.write(m.citations()));
            ps.setString(7, m.verdict() == null ? null : m.verdict().name());
            ps.setString(8, m.model());
            setNullable(ps, 9, m.cacheHit(), Types.BOOLEAN);
            setNullable(ps, 10, m.promptTokens(), Types.INTEGER);
            setNullable(ps, 11, m.completionTokens(), Types.INTEGER);
            setNullable(ps, 12, m.latencyMs(), Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                MessageRow message = map(rs);
                SessionRow session = new SessionRow(message.sessionId(), rs.getObject("user_id", UUID.class),
                        rs.getString("title"), SessionRepository.uuids(rs.getArray("document_ids")),
                        SessionStatus.valueOf(rs.getString("status")),
                        SessionRepository.instant(rs.getTimestamp("started_at")), message.createdAt(),
                        SessionRepository.instant(rs.getTimestamp("archived_at")), rs.getInt("message_count"),
                        message.seq());
                return Optional.of(new Appended(message, session));
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** The seq of a message of this session. */
    public Optional<Long> seqOf(UUID sessionId, UUID messageId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT seq FROM chat_message WHERE id = ? AND session_id = ?")) {
            ps.setObject(1, messageId);
            ps.setObject(2, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Messages with seq above {@code afterSeq}, oldest first. */
    public List<MessageRow> after(UUID sessionId, long afterSeq, int limit) {
        return many("SELECT " + COLUMNS + " FROM chat_message WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                ps -> {
                    ps.setObject(1, sessionId);
                    ps.setLong(2, afterSeq);
                    ps.setInt(3, limit);
                });
    }

    /** The newest {@code limit} messages, oldest first. */
    public List<MessageRow> latest(UUID sessionId, int limit) {
        List<MessageRow> newestFirst = many("SELECT " + COLUMNS
                + " FROM chat_message WHERE session_id = ? ORDER BY seq DESC LIMIT ?", ps -> {
            ps.setObject(1, sessionId);
            ps.setInt(2, limit);
        });
        return newestFirst.reversed();
    }

    private List<MessageRow> many(String sql, SessionRepository.Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<MessageRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static void setNullable(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value);
        }
    }

    private static MessageRow map(ResultSet rs) throws SQLException {
        String verdict = rs.getString("verdict");
        return new MessageRow(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getObject("session_id", UUID.class),
                Role.valueOf(rs.getString("role")),
                rs.getString("content"),
                Json.readCitations(rs.getString("citations")),
                verdict == null ? null : Verdict.valueOf(verdict),
                rs.getString("model"),
                (Boolean) rs.getObject("cache_hit"),
                (Integer) rs.getObject("prompt_tokens"),
                (Integer) rs.getObject("completion_tokens"),
                (Long) rs.getObject("latency_ms"),
                SessionRepository.instant(rs.getTimestamp("created_at")));
    }
}
