package dev.lectavera.analytics.event;

import dev.lectavera.analytics.event.DecodedEvent.Accepted;
import dev.lectavera.analytics.event.DecodedEvent.Reason;
import dev.lectavera.analytics.event.DecodedEvent.Rejected;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.UnknownEventTypeException;
import dev.lectavera.contracts.events.CardSuspended;
import dev.lectavera.contracts.events.ChatArchived;
import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.contracts.events.DocumentFailed;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.contracts.events.DocumentUpdated;
import dev.lectavera.contracts.events.QueryAnswered;
import dev.lectavera.contracts.events.QuizCompleted;
import dev.lectavera.contracts.events.QuizGenerated;
import dev.lectavera.contracts.events.ReviewCompleted;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.contracts.events.UserRegistered;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Turns a record value into an event, and checks the fields the read models rely on, so that a
 * bad record is rejected here (logged, skipped) instead of failing inside a transaction.
 */
@ApplicationScoped
public class EventDecoder {

    public DecodedEvent decode(String value) {
        if (value == null || value.isBlank()) {
            return new Rejected(Reason.MALFORMED, "empty record value");
        }
        EventEnvelope<?> envelope;
        try {
            envelope = EventJson.read(value);
        } catch (UnknownEventTypeException e) {
            return new Rejected(Reason.UNKNOWN_TYPE, e.getMessage());
        } catch (RuntimeException e) {
            return new Rejected(Reason.MALFORMED, e.getMessage());
        }
        if (envelope.data() == null) {
            return new Rejected(Reason.INVALID_PAYLOAD, "no data");
        }
        String problem = problemOf(envelope.data());
        if (problem != null) {
            return new Rejected(Reason.INVALID_PAYLOAD, problem);
        }
        if (EventTimes.primaryTime(envelope) == null) {
            return new Rejected(Reason.INVALID_PAYLOAD, "no time in the payload nor the envelope");
        }
        return new Accepted(envelope, userOf(envelope.data()));
    }

    /** The first missing or impossible field, or null when the payload is usable. */
    private static String problemOf(Object data) {
        return switch (data) {
            case UserRegistered e -> required(e.userId(), "userId");
            case UserDeleted e -> required(e.userId(), "userId");
            case DocumentIndexed e -> firstOf(required(e.userId(), "userId"), required(e.documentId(), "documentId"),
                    e.pageCount() < 0 ? "pageCount is negative" : null);
            case DocumentUpdated e -> firstOf(required(e.userId(), "userId"), required(e.documentId(), "documentId"));
            case DocumentDeleted e -> firstOf(required(e.userId(), "userId"), required(e.documentId(), "documentId"));
            case DocumentFailed e -> required(e.userId(), "userId");
            case QueryAnswered e -> firstOf(required(e.userId(), "userId"),
                    e.latencyMs() < 0 ? "latencyMs is negative" : null,
                    e.promptTokens() < 0 || e.completionTokens() < 0 ? "token count is negative" : null);
            case ChatArchived e -> firstOf(required(e.userId(), "userId"), required(e.sessionId(), "sessionId"),
                    e.messageCount() < 0 ? "messageCount is negative" : null);
            case QuizGenerated e -> required(e.userId(), "userId");
            case QuizCompleted e -> firstOf(required(e.userId(), "userId"), required(e.attemptId(), "attemptId"),
                    Double.isFinite(e.score()) && Double.isFinite(e.maxScore()) && e.maxScore() >= 0
                            ? null : "score or maxScore is not a finite, non-negative number",
                    e.durationSeconds() < 0 ? "durationSeconds is negative" : null);
            case ReviewCompleted e -> firstOf(required(e.userId(), "userId"), required(e.cardId(), "cardId"),
                    required(e.reviewedAt(), "reviewedAt"), required(e.due(), "due"), required(e.rating(), "rating"),
                    required(e.stateBefore(), "stateBefore"),
                    e.stability() > 0 && Double.isFinite(e.stability()) ? null : "stability is not positive",
                    e.decay() > 0 && Double.isFinite(e.decay()) ? null : "decay is not positive",
                    e.retrievability() >= 0 && e.retrievability() <= 1 ? null : "retrievability is not in [0, 1]");
            case CardSuspended e -> firstOf(required(e.userId(), "userId"), required(e.cardId(), "cardId"),
                    required(e.changedAt(), "changedAt"));
            default -> "no read model knows " + data.getClass().getSimpleName();
        };
    }

    private static UUID userOf(Object data) {
        return switch (data) {
            case UserRegistered e -> e.userId();
            case UserDeleted e -> e.userId();
            case DocumentIndexed e -> e.userId();
            case DocumentUpdated e -> e.userId();
            case DocumentDeleted e -> e.userId();
            case DocumentFailed e -> e.userId();
            case QueryAnswered e -> e.userId();
            case ChatArchived e -> e.userId();
            case QuizGenerated e -> e.userId();
            case QuizCompleted e -> e.userId();
            case ReviewCompleted e -> e.userId();
            case CardSuspended e -> e.userId();
            default -> throw new IllegalStateException("unreachable: validated above");
        };
    }

    private static String required(Object value, String field) {
        return value == null ? field + " is missing" : null;
    }

    private static String firstOf(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
