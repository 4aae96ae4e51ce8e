package dev.lectavera.quiz.review.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import dev.lectavera.quiz.model.Json;
import dev.lectavera.quiz.review.fsrs.CardState;
import dev.lectavera.quiz.review.fsrs.MemoryState;
import dev.lectavera.quiz.review.model.Card;
import dev.lectavera.quiz.review.model.CardOrigin;
import dev.lectavera.quiz.review.model.CardSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Review cards. Plain SQL inside the caller's transaction; every read is scoped by the owner's user id. The due
 * queue's two reads are index range scans ({@code card_due}, {@code card_new}) bounded by the day's limits.
 */
@ApplicationScoped
public class CardRepository {

    private static final String COLUMNS = "id, user_id, origin, question_id, question_type, prompt, options, answer,"
            + " explanation, topic, document_id, document_title, page, passage, start_offset, end_offset, state, step,"
            + " stability, difficulty, due, last_review, reps, lapses, suspended, suspended_reason, created_at";

    private final Database database;

    CardRepository(Database database) {
        this.database = database;
    }

    /**
     * Stores the card unless the user already has one asking the same thing ({@code dedupe_key}).
     *
     * @return whether it was stored
     */
    public boolean insertIfAbsent(Card card, String dedupeKey) {
        CardSource source = card.source();
        MemoryState memory = card.memory();
        return database.update("INSERT INTO card (" + COLUMNS + ", dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?::integer, ?::integer, ?, ?::integer, ?::double precision,"
                        + " ?::double precision, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (user_id, dedupe_key) DO NOTHING",
                card.id(), card.userId(), card.origin().wire(), card.questionId(), card.questionType(), card.prompt(),
                Json.write(card.options()), card.answer(), card.explanation(), card.topic(), source.documentId(),
                source.documentTitle(), source.page(), source.passage(), source.startOffset(), source.endOffset(),
                memory.state().wire(), memory.step(), memory.stability(), memory.difficulty(), memory.due(),
                memory.lastReview(), card.reps(), card.lapses(), card.suspended(), card.suspendedReason(),
                card.createdAt(), dedupeKey) == 1;
    }

    public Optional<Card> findOwned(UUID userId, UUID cardId) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM card WHERE id = ? AND user_id = ?",
                CardRepository::card, cardId, userId);
    }

    /** The card, locked until the transaction ends: two reviews of one card apply one after the other. */
    public Optional<Card> lockOwned(UUID userId, UUID cardId) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM card WHERE id = ? AND user_id = ? FOR UPDATE",
                CardRepository::card, cardId, userId);
    }

    public Optional<Card> findByDedupeKey(UUID userId, String dedupeKey) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM card WHERE user_id = ? AND dedupe_key = ?",
                CardRepository::card, userId, dedupeKey);
    }

    /**
     * Cards in schedule (learning, review, relearning) due by {@code dueBy}, most overdue first; learning steps
     * (minutes) count only once they are due {@code now}.
     */
    public List<Card> dueReviews(UUID userId, Instant now, Instant dueBy, UUID documentId, int limit) {
        return database.query("SELECT " + COLUMNS + " FROM card WHERE user_id = ? AND NOT suspended AND state <> 'new'"
                        + " AND due <= ? AND (state = 'review' OR due <= ?)"
                        + " AND (?::uuid IS NULL OR document_id = ?::uuid) ORDER BY due, id LIMIT ?",
                CardRepository::card, userId, dueBy, now, documentId, documentId, limit);
    }

    /** Cards never reviewed, oldest first. */
    public List<Card> newCards(UUID userId, UUID documentId, int limit) {
        return database.query("SELECT " + COLUMNS + " FROM card WHERE user_id = ? AND NOT suspended AND state = 'new'"
                        + " AND (?::uuid IS NULL OR document_id = ?::uuid) ORDER BY created_at, id LIMIT ?",
                CardRepository::card, userId, documentId, documentId, limit);
    }

    public record CardFilter(UUID documentId, CardState state, Boolean suspended) {
    }

    public List<Card> list(UUID userId, CardFilter filter, int offset, int limit) {
        return database.query("SELECT " + COLUMNS + " FROM card WHERE user_id = ?" + FILTER
                        + " ORDER BY created_at DESC, id OFFSET ? LIMIT ?", CardRepository::card,
                userId, filter.documentId(), filter.documentId(), state(filter), state(filter), filter.suspended(),
                filter.suspended(), offset, limit);
    }

    public long count(UUID userId, CardFilter filter) {
        return database.queryOne("SELECT count(*) FROM card WHERE user_id = ?" + FILTER, row -> row.getLong(1),
                userId, filter.documentId(), filter.documentId(), state(filter), state(filter), filter.suspended(),
                filter.suspended());
    }

    private static final String FILTER = " AND (?::uuid IS NULL OR document_id = ?::uuid)"
            + " AND (?::text IS NULL OR state = ?::text) AND (?::boolean IS NULL OR suspended = ?::boolean)";

    private static String state(CardFilter filter) {
        return filter.state() == null ? null : filter.state().wire();
    }

    /** The card's new schedule after a review. */
    public void updateSchedule(UUID cardId, MemoryState memory, int reps, int lapses) {
        database.update("""
                UPDATE card SET state = ?, step = ?::integer, stability = ?, difficulty = ?, due = ?, last_review = ?,
                                reps = ?, lapses = ?
                WHERE id = ?""", memory.state().wire(), memory.step(), memory.stability(), memory.difficulty(),
                memory.due(), memory.lastReview(), reps, lapses, cardId);
    }

    public boolean setSuspended(UUID userId, UUID cardId, boolean suspended, String reason) {
        return database.update("UPDATE card SET suspended = ?, suspended_reason = ?::text WHERE id = ? AND user_id = ?",
                suspended, suspended ? reason : null, cardId, userId) == 1;
    }

    public boolean delete(UUID userId, UUID cardId) {
        return database.update("DELETE FROM card WHERE id = ? AND user_id = ?", cardId, userId) == 1;
    }

    /** The document's cards not suspended for its deletion yet. */
    public List<Card> activeOfDocument(UUID documentId) {
        return database.query("SELECT " + COLUMNS + " FROM card WHERE document_id = ?"
                        + " AND suspended_reason IS DISTINCT FROM ?", CardRepository::card, documentId,
                Card.SUSPENDED_DOCUMENT_DELETED);
    }

    /** DocumentDeleted: the document's cards leave the queue and say why (their history stays). */
    public int suspendForDeletedDocument(UUID documentId) {
        return database.update("UPDATE card SET suspended = true, suspended_reason = ? WHERE document_id = ?",
                Card.SUSPENDED_DOCUMENT_DELETED, documentId);
    }

    /**
     * UserDeleted: the user's cards, their review log (cascade) and their events still in the outbox (keyed by the
     * card id; they carry the user's id and topics).
     */
    public int deleteByUser(UUID userId) {
        database.update("DELETE FROM outbox_event WHERE record_key IN (SELECT id::text FROM card WHERE user_id = ?)",
                userId);
        return database.update("DELETE FROM card WHERE user_id = ?", userId);
    }

    /** Cards in the queue per state (suspended ones apart). */
    public Map<String, Long> countsByState(UUID userId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CardState state : CardState.values()) {
            counts.put(state.wire(), 0L);
        }
        counts.put("suspended", 0L);
        database.query("""
                SELECT CASE WHEN suspended THEN 'suspended' ELSE state END AS bucket, count(*) AS n
                FROM card WHERE user_id = ? GROUP BY 1""",
                row -> counts.put(row.getString("bucket"), row.getLong("n")), userId);
        return counts;
    }

    /** Due times of the cards in schedule up to {@code until} (the forecast groups them by the user's day). */
    public List<Instant> dueTimes(UUID userId, Instant until) {
        return database.query("SELECT due FROM card WHERE user_id = ? AND NOT suspended AND state <> 'new'"
                + " AND due < ?", row -> Sql.instant(row, "due"), userId, until);
    }

    private static Card card(ResultSet row) throws SQLException {
        MemoryState memory = new MemoryState(CardState.fromWire(row.getString("state")), Sql.nullableInt(row, "step"),
                Sql.nullableDouble(row, "stability"), Sql.nullableDouble(row, "difficulty"), Sql.instant(row, "due"),
                Sql.instant(row, "last_review"));
        CardSource source = new CardSource(Sql.uuid(row, "document_id"), row.getString("document_title"),
                row.getInt("page"), row.getString("passage"), Sql.nullableInt(row, "start_offset"),
                Sql.nullableInt(row, "end_offset"));
        return new Card(Sql.uuid(row, "id"), Sql.uuid(row, "user_id"), CardOrigin.fromWire(row.getString("origin")),
                Sql.uuid(row, "question_id"), row.getString("question_type"), row.getString("prompt"),
                Json.readStrings(row.getString("options")), row.getString("answer"), row.getString("explanation"),
                row.getString("topic"), source, memory, row.getInt("reps"), row.getInt("lapses"),
                row.getBoolean("suspended"), row.getString("suspended_reason"), Sql.instant(row, "created_at"));
    }
}
