package dev.lectavera.analytics.event;

import dev.lectavera.analytics.event.DecodedEvent.Accepted;
import dev.lectavera.analytics.event.DecodedEvent.Reason;
import dev.lectavera.analytics.event.DecodedEvent.Rejected;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.events.ChatArchived;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.contracts.events.QuizCompleted;
import dev.lectavera.contracts.events.UserDeleted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EventDecoderTest {

    private final EventDecoder decoder = new EventDecoder();

    private Reason rejection(String value) {
        return assertInstanceOf(Rejected.class, decoder.decode(value)).reason();
    }

    @Test
    void aValidEventIsAcceptedWithItsUser() {
        UUID user = UUID.randomUUID();
        var envelope = EventEnvelope.of("/auth-service", user.toString(), new UserDeleted(user, Instant.now()));
        Accepted accepted = assertInstanceOf(Accepted.class, decoder.decode(EventJson.write(envelope)));
        assertEquals(user, accepted.userId());
        assertEquals(envelope.id(), accepted.envelope().id());
    }

    @Test
    void junkIsMalformed() {
        assertEquals(Reason.MALFORMED, rejection(null));
        assertEquals(Reason.MALFORMED, rejection("  "));
        assertEquals(Reason.MALFORMED, rejection("not json"));
        assertEquals(Reason.MALFORMED, rejection("{}"));
        assertEquals(Reason.MALFORMED, rejection("[1,2]"));
        assertEquals(Reason.MALFORMED, rejection("{\"id\":\"not-a-uuid\",\"type\":\"lectavera.user.deleted.v1\"}"));
    }

    @Test
    void anUnknownTypeIsSkippedAsSuch() {
        assertEquals(Reason.UNKNOWN_TYPE,
                rejection("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"lectavera.user.deleted.v2\",\"data\":{}}"));
    }

    @Test
    void missingOrImpossibleFieldsAreInvalidPayloads() {
        UUID user = UUID.randomUUID();
        assertEquals(Reason.INVALID_PAYLOAD, rejection(EventJson.write(EventEnvelope.of("/document-service", "k",
                new DocumentIndexed(null, user, "t", 3, 1, 1, 1, Instant.now())))));
        assertEquals(Reason.INVALID_PAYLOAD, rejection(EventJson.write(EventEnvelope.of("/document-service", "k",
                new DocumentIndexed(UUID.randomUUID(), user, "t", -1, 1, 1, 1, Instant.now())))));
        assertEquals(Reason.INVALID_PAYLOAD, rejection(EventJson.write(EventEnvelope.of("/study-service", "k",
                new ChatArchived(null, user, 3, Instant.now(), Instant.now(), List.of())))));
        assertEquals(Reason.INVALID_PAYLOAD, rejection(EventJson.write(EventEnvelope.of("/quiz-service", "k",
                new QuizCompleted(UUID.randomUUID(), UUID.randomUUID(), user, Double.NaN, 10, 5, Instant.now(),
                        List.of())))));
        assertEquals(Reason.INVALID_PAYLOAD, rejection("{\"id\":\"" + UUID.randomUUID()
                + "\",\"type\":\"lectavera.user.deleted.v1\"}"));   // no data
    }

    @Test
    void theEnvelopeTimeStandsInForAMissingPayloadTime() {
        UUID user = UUID.randomUUID();
        var envelope = EventEnvelope.of("/auth-service", user.toString(), new UserDeleted(user, null));
        Accepted accepted = assertInstanceOf(Accepted.class, decoder.decode(EventJson.write(envelope)));
        assertEquals(envelope.time(), EventTimes.primaryTime(accepted.envelope()));
    }
}
