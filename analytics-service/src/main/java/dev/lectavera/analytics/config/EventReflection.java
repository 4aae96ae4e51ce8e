package dev.lectavera.analytics.config;

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
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The contracts are read by Jackson reflectively: registered so the service stays native-compilable. */
@RegisterForReflection(targets = {
        EventEnvelope.class, UserRegistered.class, UserDeleted.class, DocumentIndexed.class,
        DocumentUpdated.class, DocumentDeleted.class, DocumentFailed.class, QueryAnswered.class,
        ChatArchived.class, QuizGenerated.class, QuizCompleted.class, QuizCompleted.QuestionOutcome.class,
        ReviewCompleted.class, CardSuspended.class})
public final class EventReflection {
    private EventReflection() {
    }
}
