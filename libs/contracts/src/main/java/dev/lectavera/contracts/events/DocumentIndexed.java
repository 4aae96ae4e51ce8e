package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A document is searchable. {@code version} grows with every change of the document. */
public record DocumentIndexed(
        UUID documentId,
        UUID userId,
        String title,
        int pageCount,
        int chunkCount,
        long durationMs,
        long version,
        Instant indexedAt) {
}
