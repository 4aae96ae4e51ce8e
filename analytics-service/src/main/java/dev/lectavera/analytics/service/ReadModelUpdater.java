package dev.lectavera.analytics.service;

import dev.lectavera.analytics.event.DecodedEvent.Accepted;
import dev.lectavera.analytics.event.EventTimes;
import dev.lectavera.analytics.repository.ChatSessionFactRepository;
import dev.lectavera.analytics.repository.DocumentFactRepository;
import dev.lectavera.analytics.repository.QueryFactRepository;
import dev.lectavera.analytics.repository.QueryFactRepository.QueryFact;
import dev.lectavera.analytics.repository.QuizFactRepository;
import dev.lectavera.analytics.repository.QuizFactRepository.Attempt;
import dev.lectavera.analytics.repository.QuizFactRepository.Outcome;
import dev.lectavera.analytics.repository.ReviewFactRepository;
import dev.lectavera.analytics.repository.ReviewFactRepository.Review;
import dev.lectavera.analytics.repository.UserRepository;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.events.CardSuspended;
import dev.lectavera.contracts.events.ChatArchived;
import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.contracts.events.DocumentUpdated;
import dev.lectavera.contracts.events.QueryAnswered;
import dev.lectavera.contracts.events.QuizCompleted;
import dev.lectavera.contracts.events.ReviewCompleted;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.contracts.events.UserRegistered;
import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.outbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Applies one event to the read models, exactly once: the event id enters {@code processed_event}
 * in the same transaction as the change, and the change is made only when the id is new.
 *
 * <p>Arrival order does not matter (the four topics are consumed independently, and a replay may
 * interleave them differently): every change is an idempotent upsert keyed by the aggregate and
 * resolved by versions or business times, a user's events are serialised by an advisory lock, and a
 * deleted user's tombstone makes every later event of that user a no-op.
 */
@ApplicationScoped
public class ReadModelUpdater {

    private final Database database;
    private final EventInbox processedEvents;
    private final UserRepository users;
    private final DocumentFactRepository documents;
    private final ChatSessionFactRepository chatSessions;
    private final QueryFactRepository queries;
    private final QuizFactRepository quizzes;
    private final ReviewFactRepository reviews;

    ReadModelUpdater(Database database, EventInbox processedEvents, UserRepository users,
                     DocumentFactRepository documents, ChatSessionFactRepository chatSessions,
                     QueryFactRepository queries, QuizFactRepository quizzes, ReviewFactRepository reviews) {
        this.database = database;
        this.processedEvents = processedEvents;
        this.users = users;
        this.documents = documents;
        this.chatSessions = chatSessions;
        this.queries = queries;
        this.quizzes = quizzes;
        this.reviews = reviews;
    }

    @Transactional
    public ApplyOutcome apply(Accepted event) {
        return database.withConnection(c -> apply(c, event.envelope(), event.userId()));
    }

    /**
     * Applies events in order in one transaction (one commit for a whole poll of a fact topic).
     * Never mix UserDeleted into a batch: a purge must be the only lock its transaction holds.
     */
    @Transactional
    public List<ApplyOutcome> applyAll(List<Accepted> events) {
        return database.withConnection(c -> events.stream()
                .map(event -> apply(c, event.envelope(), event.userId()))
                .toList());
    }

    private ApplyOutcome apply(Connection c, EventEnvelope<?> envelope, UUID userId) {
        users.lockUser(c, userId, envelope.data() instanceof UserDeleted);
        if (!processedEvents.markProcessed(c, envelope.id(), envelope.type())) {
            return ApplyOutcome.DUPLICATE;
        }
        if (users.isDeleted(c, userId)) {
            return ApplyOutcome.IGNORED_DELETED_USER;
        }
        Instant time = EventTimes.primaryTime(envelope);
        switch (envelope.data()) {
            case UserRegistered e -> users.register(c, userId, time);
            case UserDeleted e -> users.purge(c, userId, time);
            case DocumentIndexed e -> documents.indexed(c, e.documentId(), userId, e.title(), e.pageCount(),
                    e.version(), time);
            case DocumentUpdated e -> {
                if (e.title() == null) {
                    return ApplyOutcome.RECORDED_ONLY;
                }
                documents.retitled(c, e.documentId(), userId, e.title(), e.version());
            }
            case DocumentDeleted e -> documents.deleted(c, e.documentId(), userId, time);
            case ChatArchived e -> chatSessions.archived(c, e.sessionId(), userId, e.messageCount(),
                    e.startedAt() != null ? e.startedAt() : time, time);
            case QueryAnswered e -> queries.answered(c, new QueryFact(
                    e.messageId() != null ? e.messageId() : envelope.id(), userId, e.sessionId(), time,
                    e.latencyMs(), e.cacheHit(), normalisedVerdict(e.verdict()), e.citationCount(),
                    e.promptTokens(), e.completionTokens(), e.model() != null ? e.model() : "unknown"));
            case QuizCompleted e -> quizzes.completed(c,
                    new Attempt(e.attemptId(), e.quizId(), userId, e.score(), e.maxScore(), e.durationSeconds(), time),
                    outcomes(e));
            case ReviewCompleted e -> reviews.reviewed(c, new Review(e.cardId(), userId, e.documentId(),
                    e.topic() == null || e.topic().isBlank() ? null : e.topic().trim(),
                    e.rating().trim().toLowerCase(Locale.ROOT), e.stateBefore().trim().toLowerCase(Locale.ROOT),
                    e.retrievability(), e.stability(), e.decay(), e.reviewedAt(), e.due()));
            case CardSuspended e -> reviews.suspended(c, e.cardId(), e.suspended(), e.reason(), e.changedAt());
            default -> {
                // DocumentFailed, QuizGenerated: no figure depends on them.
                return ApplyOutcome.RECORDED_ONLY;
            }
        }
        return ApplyOutcome.APPLIED;
    }

    private static String normalisedVerdict(String verdict) {
        return verdict == null || verdict.isBlank() ? "UNKNOWN" : verdict.trim().toUpperCase(Locale.ROOT);
    }

    private static List<Outcome> outcomes(QuizCompleted event) {
        if (event.outcomes() == null) {
            return List.of();
        }
        return event.outcomes().stream()
                .filter(o -> o != null)
                .map(o -> new Outcome(o.questionId(), o.documentId(), o.page() > 0 ? o.page() : null,
                        o.topic() == null || o.topic().isBlank() ? null : o.topic().trim(), o.correct()))
                .toList();
    }
}
