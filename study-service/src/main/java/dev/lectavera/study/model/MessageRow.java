package dev.lectavera.study.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored message. {@code seq} orders the messages of a session (see MessageRepository); the answer fields
 * are null for user messages.
 */
public record MessageRow(UUID id, long seq, UUID sessionId, Role role, String content, List<Citation> citations,
                         Verdict verdict, String model, Boolean cacheHit, Integer promptTokens,
                         Integer completionTokens, Long latencyMs, Instant createdAt) {
}
