package dev.lectavera.analytics.support;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.events.CardSuspended;
import dev.lectavera.contracts.events.ChatArchived;
import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.contracts.events.DocumentUpdated;
import dev.lectavera.contracts.events.QueryAnswered;
import dev.lectavera.contracts.events.QuizCompleted;
import dev.lectavera.contracts.events.ReviewCompleted;
import dev.lectavera.contracts.events.QuizCompleted.QuestionOutcome;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.contracts.events.UserRegistered;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Event envelopes as the producing services build them (source, subject = the aggregate id). */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope<UserRegistered> registered(UUID user, Instant at) {
        return EventEnvelope.of("/auth-service", user.toString(), new UserRegistered(user, at));
    }

    public static EventEnvelope<UserDeleted> userDeleted(UUID user, Instant at) {
        return EventEnvelope.of("/auth-service", user.toString(), new UserDeleted(user, at));
    }

    public static EventEnvelope<DocumentIndexed> indexed(UUID user, UUID document, String title, int pages,
                                                        long version, Instant at) {
        return EventEnvelope.of("/document-service", document.toString(),
                new DocumentIndexed(document, user, title, pages, pages * 4, 1200, version, at));
    }

    public static EventEnvelope<DocumentUpdated> retitled(UUID user, UUID document, String title, long version,
                                                          Instant at) {
        return EventEnvelope.of("/document-service", document.toString(),
                new DocumentUpdated(document, user, version, title, null, List.of(), false, at));
    }

    public static EventEnvelope<DocumentDeleted> documentDeleted(UUID user, UUID document, Instant at) {
        return EventEnvelope.of("/document-service", document.toString(), new DocumentDeleted(document, user, at));
    }

    public static EventEnvelope<ChatArchived> chat(UUID user, UUID session, int messages, Instant start,
                                                   Duration length) {
        return EventEnvelope.of("/study-service", session.toString(),
                new ChatArchived(session, user, messages, start, start.plus(length), List.of()));
    }

    public static EventEnvelope<QueryAnswered> query(UUID user, Instant at, long latencyMs, boolean cacheHit,
                                                     String verdict, String model, int promptTokens,
                                                     int completionTokens) {
        UUID session = UUID.randomUUID();
        return EventEnvelope.of("/study-service", session.toString(),
                new QueryAnswered(UUID.randomUUID(), session, user, List.of(), latencyMs, cacheHit, verdict, 2,
                        promptTokens, completionTokens, model, at));
    }

    public static EventEnvelope<QueryAnswered> query(UUID user, Instant at) {
        return query(user, at, 250, false, "CORRECT", "offline-extractive", 0, 0);
    }

    public static EventEnvelope<QuizCompleted> quiz(UUID user, Instant at, double score, double maxScore,
                                                    long seconds, List<QuestionOutcome> outcomes) {
        UUID attempt = UUID.randomUUID();
        return EventEnvelope.of("/quiz-service", attempt.toString(),
                new QuizCompleted(attempt, UUID.randomUUID(), user, score, maxScore, seconds, at, outcomes));
    }

    public static EventEnvelope<QuizCompleted> quiz(UUID user, Instant at, double score, double maxScore, long seconds) {
        return quiz(user, at, score, maxScore, seconds, List.of());
    }

    public static QuestionOutcome outcome(UUID document, int page, String topic, boolean correct) {
        return new QuestionOutcome(UUID.randomUUID(), document, page, topic, correct);
    }

    /** A review of a card at {@code at}, leaving it with {@code stability} days and due at {@code due}. */
    public static EventEnvelope<ReviewCompleted> review(UUID user, UUID card, String topic, String rating,
                                                        String stateBefore, double stability, Instant at,
                                                        Instant due) {
        return EventEnvelope.of("/quiz-service", card.toString(), new ReviewCompleted(card, user, UUID.randomUUID(),
                3, topic, rating, stateBefore, "review", null, 0.9, stability, 5.0, 0.1542, 0.9, at, due));
    }

    public static EventEnvelope<CardSuspended> cardSuspended(UUID user, UUID card, boolean suspended, Instant at) {
        return EventEnvelope.of("/quiz-service", card.toString(),
                new CardSuspended(card, user, suspended, suspended ? "user" : null, at));
    }

    /** Same event id, same everything: what Kafka redelivers. */
    public static <T> EventEnvelope<T> withSubject(EventEnvelope<T> envelope, String subject) {
        return new EventEnvelope<>(envelope.specversion(), envelope.id(), envelope.type(), envelope.source(), subject,
                envelope.time(), envelope.datacontenttype(), envelope.data());
    }
}
