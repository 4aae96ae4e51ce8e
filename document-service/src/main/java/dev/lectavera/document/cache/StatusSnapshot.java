package dev.lectavera.document.cache;

import java.time.Instant;
import java.util.UUID;

/**
 * A document's processing state as Redis keeps it ({@code lv:doc:status:{id}}, 5 minutes). {@code userId} lets
 * the status route check ownership without a database read; it is never shown.
 */
public record StatusSnapshot(UUID documentId, UUID userId, String status, int pagesDone, Integer pagesTotal,
                             String failureCode, String failureReason, Instant updatedAt) {
}
