package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A document's metadata changed; caches keyed by its version are stale. */
public record DocumentUpdated(
        UUID documentId,
        UUID userId,
        long version,
        String title,
        String category,
        List<String> tags,
        boolean archived,
        Instant updatedAt) {
}
