package dev.lectavera.contracts;

import dev.lectavera.contracts.events.ChatArchived;
import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.contracts.events.DocumentFailed;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.contracts.events.DocumentUpdated;
import dev.lectavera.contracts.events.QueryAnswered;
import dev.lectavera.contracts.events.QuizCompleted;
import dev.lectavera.contracts.events.ReviewCompleted;
import dev.lectavera.contracts.events.CardSuspended;
import dev.lectavera.contracts.events.QuizGenerated;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.contracts.events.UserRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    private static final UUID USER = UUID.fromString("7a1b0c52-0000-4000-8000-000000000001");
    private static final UUID DOC = UUID.fromString("7a1b0c52-0000-4000-8000-000000000002");
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

    static Object sample(EventType type) {
        return switch (type) {
            case USER_REGISTERED -> new UserRegistered(USER, AT);
            case USER_DELETED -> new UserDeleted(USER, AT);
            case DOCUMENT_INDEXED -> new DocumentIndexed(DOC, USER, "Thermodynamics", 12, 48, 5300L, 1L, AT);
            case DOCUMENT_UPDATED -> new DocumentUpdated(DOC, USER, 2L, "Thermo II", "physics",
                    List.of("exam", "week-3"), true, AT);
            case DOCUMENT_DELETED -> new DocumentDeleted(DOC, USER, AT);
            case DOCUMENT_FAILED -> new DocumentFailed(DOC, USER, "NEEDS_OCR", "The PDF has no text layer", AT);
            case QUERY_ANSWERED -> new QueryAnswered(UUID.randomUUID(), UUID.randomUUID(), USER, List.of(DOC),
                    412L, false, "CORRECT", 2, 900, 120, "offline-extractive", AT);
            case CHAT_ARCHIVED -> new ChatArchived(UUID.randomUUID(), USER, 14, AT.minus(1, ChronoUnit.HOURS), AT,
                    List.of(DOC));
            case QUIZ_GENERATED -> new QuizGenerated(UUID.randomUUID(), USER, List.of(DOC), 10, "medium",
                    "offline-generator", AT);
            case QUIZ_COMPLETED -> new QuizCompleted(UUID.randomUUID(), UUID.randomUUID(), USER, 7, 10, 300L, AT,
                    List.of(new QuizCompleted.QuestionOutcome(UUID.randomUUID(), DOC, 3, "entropy", true)));
            case REVIEW_COMPLETED -> new ReviewCompleted(UUID.randomUUID(), USER, DOC, 3, "entropy", "good", "review",
                    "review", 4, 0.87, 12.5, 5.1, 0.1542, 0.9, AT, AT.plus(12, ChronoUnit.DAYS));
            case CARD_SUSPENDED -> new CardSuspended(UUID.randomUUID(), USER, true, "document_deleted", AT);
        };
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventSurvivesAJsonRoundTrip(EventType type) {
        Object payload = sample(type);
        EventEnvelope<Object> sent = EventEnvelope.of("/test", DOC.toString(), payload);

        EventEnvelope<?> received = EventJson.read(EventJson.write(sent));

        assertEquals(sent, received);
        assertEquals(type, received.eventType());
        assertInstanceOf(type.payloadClass(), received.data());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNamesAreVersionedAndTopicsAreKnown(EventType type) {
        assertTrue(type.type().matches("lectavera\\.[a-z]+\\.[a-z-]+\\.v\\d+"), type.type());
        assertTrue(List.of(Topics.USERS, Topics.DOCUMENTS, Topics.STUDY, Topics.QUIZ).contains(type.topic()));
        assertEquals(type, EventType.fromType(type.type()).orElseThrow());
    }

    @Test
    void envelopeIsStructuredModeCloudEvent() {
        String json = EventJson.write(EventEnvelope.of("/auth-service", USER.toString(), new UserDeleted(USER, AT)));

        assertTrue(json.contains("\"specversion\":\"1.0\""), json);
        assertTrue(json.contains("\"type\":\"lectavera.user.deleted.v1\""), json);
        assertTrue(json.contains("\"subject\":\"" + USER + "\""), json);
        assertTrue(json.contains("\"datacontenttype\":\"application/json\""), json);
        assertTrue(json.contains("\"deletedAt\":\"2026-11-22T10:15:30.123Z\""), json);
    }

    @Test
    void traceContextTravelsAsTheDistributedTracingAttributeAndIsLeftOutWhenAbsent() {
        EventEnvelope<UserDeleted> untraced =
                EventEnvelope.of("/auth-service", USER.toString(), new UserDeleted(USER, AT));
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        String plain = EventJson.write(untraced);
        String traced = EventJson.write(untraced.withTraceparent(traceparent));

        assertTrue(!plain.contains("traceparent"), plain);
        assertEquals(plain.substring(0, plain.length() - 1) + ",\"traceparent\":\"" + traceparent + "\"}", traced);
        assertEquals(traceparent, EventJson.read(traced).traceparent());
        assertEquals(null, EventJson.read(plain).traceparent());
    }

    @Test
    void anAddedOptionalFieldDoesNotBreakAnOlderConsumer() {
        String newer = """
                {"specversion":"1.0","id":"%s","type":"lectavera.user.deleted.v1","source":"/auth-service",
                 "subject":"%s","time":"2026-11-22T10:15:30Z","datacontenttype":"application/json",
                 "data":{"userId":"%s","deletedAt":"2026-11-22T10:15:30Z","reason":"requested"},"traceparent":"00-x"}
                """.formatted(UUID.randomUUID(), USER, USER);

        EventEnvelope<?> read = EventJson.read(newer);

        assertEquals(new UserDeleted(USER, Instant.parse("2026-11-22T10:15:30Z")), read.data());
    }

    @Test
    void unknownTypesAndJunkAreRejectedClearly() {
        String future = """
                {"specversion":"1.0","id":"%s","type":"lectavera.user.deleted.v9","data":{}}
                """.formatted(UUID.randomUUID());

        assertThrows(UnknownEventTypeException.class, () -> EventJson.read(future));
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{not json"));
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{\"data\":{}}"));
    }

    @Test
    void anObjectThatIsNotAnEventCannotBeEnveloped() {
        assertThrows(IllegalArgumentException.class, () -> EventEnvelope.of("/test", "x", "just a string"));
    }
}
