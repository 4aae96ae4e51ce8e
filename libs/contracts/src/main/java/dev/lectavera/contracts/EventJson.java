package dev.lectavera.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire format of events. Unknown fields are ignored so that a new optional field never
 * breaks an older consumer.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise event " + envelope.type(), e);
        }
    }

    public static byte[] writeBytes(EventEnvelope<?> envelope) {
        return write(envelope).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an envelope and types its payload by the envelope's {@code type}.
     *
     * @throws UnknownEventTypeException for a type this build does not know
     * @throws IllegalArgumentException  for input that is not an event
     */
    public static EventEnvelope<?> read(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.hasNonNull("type") || !tree.hasNonNull("id")) {
                throw new IllegalArgumentException("Not a CloudEvent: missing id or type");
            }
            EventType type = EventType.fromType(tree.get("type").asText())
                    .orElseThrow(() -> new UnknownEventTypeException(tree.get("type").asText()));
            return MAPPER.readValue(MAPPER.treeAsTokens(tree),
                    MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, type.payloadClass()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed event JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EventEnvelope<?> read(byte[] json) {
        return read(new String(json, StandardCharsets.UTF_8));
    }
}
