package dev.lectavera.contracts;

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

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event LectaVera publishes: its CloudEvents {@code type}, its topic and its payload class.
 * The version is part of the type name: a removed or re-typed field makes a new version, a new
 * optional field does not.
 */
public enum EventType {
    USER_REGISTERED("lectavera.user.registered.v1", Topics.USERS, UserRegistered.class),
    USER_DELETED("lectavera.user.deleted.v1", Topics.USERS, UserDeleted.class),
    DOCUMENT_INDEXED("lectavera.document.indexed.v1", Topics.DOCUMENTS, DocumentIndexed.class),
    DOCUMENT_UPDATED("lectavera.document.updated.v1", Topics.DOCUMENTS, DocumentUpdated.class),
    DOCUMENT_DELETED("lectavera.document.deleted.v1", Topics.DOCUMENTS, DocumentDeleted.class),
    DOCUMENT_FAILED("lectavera.document.failed.v1", Topics.DOCUMENTS, DocumentFailed.class),
    QUERY_ANSWERED("lectavera.study.query-answered.v1", Topics.STUDY, QueryAnswered.class),
    CHAT_ARCHIVED("lectavera.study.chat-archived.v1", Topics.STUDY, ChatArchived.class),
    QUIZ_GENERATED("lectavera.quiz.generated.v1", Topics.QUIZ, QuizGenerated.class),
    QUIZ_COMPLETED("lectavera.quiz.completed.v1", Topics.QUIZ, QuizCompleted.class),
    REVIEW_COMPLETED("lectavera.quiz.review-completed.v1", Topics.QUIZ, ReviewCompleted.class),
    CARD_SUSPENDED("lectavera.quiz.card-suspended.v1", Topics.QUIZ, CardSuspended.class);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<?> payloadClass;

    EventType(String type, String topic, Class<?> payloadClass) {
        this.type = type;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadClass() {
        return payloadClass;
    }

    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The event type of a payload instance, so producers never spell type names by hand. */
    public static EventType of(Object payload) {
        for (EventType t : values()) {
            if (t.payloadClass == payload.getClass()) {
                return t;
            }
        }
        throw new IllegalArgumentException("Not an event payload: " + payload.getClass().getName());
    }
}
