package dev.lectavera.analytics.event;

import dev.lectavera.contracts.EventEnvelope;
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

import java.time.Instant;

/**
 * When something happened: the payload's own time (the business time, stable across redeliveries
 * and replays), else the envelope's time. Figures never use the time an event was consumed.
 */
public final class EventTimes {

    private EventTimes() {
    }

    public static Instant primaryTime(EventEnvelope<?> envelope) {
        Instant payloadTime = switch (envelope.data()) {
            case UserRegistered e -> e.registeredAt();
            case UserDeleted e -> e.deletedAt();
            case DocumentIndexed e -> e.indexedAt();
            case DocumentUpdated e -> e.updatedAt();
            case DocumentDeleted e -> e.deletedAt();
            case DocumentFailed e -> e.failedAt();
            case QueryAnswered e -> e.answeredAt();
            case ChatArchived e -> e.endedAt();
            case QuizGenerated e -> e.generatedAt();
            case QuizCompleted e -> e.completedAt();
            case ReviewCompleted e -> e.reviewedAt();
            case CardSuspended e -> e.changedAt();
            default -> null;
        };
        return payloadTime != null ? payloadTime : envelope.time();
    }
}
