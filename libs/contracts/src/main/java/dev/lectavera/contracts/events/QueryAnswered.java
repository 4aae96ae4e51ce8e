package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One answered question, for the query statistics.
 *
 * @param verdict {@code CORRECT}, {@code AMBIGUOUS} or {@code NOT_FOUND}
 * @param model   the model (or offline provider) that produced the answer
 */
public record QueryAnswered(
        UUID messageId,
        UUID sessionId,
        UUID userId,
        List<UUID> documentIds,
        long latencyMs,
        boolean cacheHit,
        String verdict,
        int citationCount,
        int promptTokens,
        int completionTokens,
        String model,
        Instant answeredAt) {
}
