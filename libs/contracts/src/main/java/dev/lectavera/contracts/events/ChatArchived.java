package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A chat session was closed. */
public record ChatArchived(
        UUID sessionId,
        UUID userId,
        int messageCount,
        Instant startedAt,
        Instant endedAt,
        List<UUID> documentIds) {
}
