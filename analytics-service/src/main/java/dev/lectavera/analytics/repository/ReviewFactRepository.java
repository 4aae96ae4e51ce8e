package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

/** Reviews of spaced-review cards, and each card's latest schedule. */
@ApplicationScoped
public class ReviewFactRepository {

    public record Review(UUID cardId, UUID userId, UUID documentId, String topic, String rating, String stateBefore,
                         double retrievability, double stability, double decay, Instant reviewedAt, Instant due) {
    }

    /**
     * The review (once per card and time) and the card's schedule, unless a later review of the card arrived
     * first.
     */
    public void reviewed(Connection c, Review review) {
        Sql.update(c, """
                INSERT INTO review_fact (card_id, reviewed_at, user_id, rating, state_before, retrievability)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (card_id, reviewed_at) DO NOTHING""", review.cardId(), review.reviewedAt(),
                review.userId(), review.rating(), review.stateBefore(), review.retrievability());
        Sql.update(c, """
                INSERT INTO review_card_fact (card_id, user_id, document_id, topic, stability, decay, last_review, due)
                VALUES (?, ?, ?::uuid, ?::text, ?, ?, ?, ?)
                ON CONFLICT (card_id) DO UPDATE SET document_id = excluded.document_id, topic = excluded.topic,
                    stability = excluded.stability, decay = excluded.decay, last_review = excluded.last_review,
                    due = excluded.due
                WHERE review_card_fact.last_review < excluded.last_review""", review.cardId(), review.userId(),
                review.documentId(), review.topic(), review.stability(), review.decay(), review.reviewedAt(),
                review.due());
    }

    /**
     * The card left the queue or came back (the latest change wins). A card never reviewed has no schedule here, so
     * its change is only recorded as processed.
     */
    public void suspended(Connection c, UUID cardId, boolean suspended, String reason, Instant changedAt) {
        Sql.update(c, """
                UPDATE review_card_fact SET suspended = ?, suspended_reason = ?::text, status_changed_at = ?
                WHERE card_id = ? AND (status_changed_at IS NULL OR status_changed_at <= ?)""",
                suspended, suspended ? reason : null, changedAt, cardId, changedAt);
    }
}
