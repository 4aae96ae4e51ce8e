package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Processing ended without an index.
 *
 * @param status {@code FAILED} or {@code NEEDS_OCR}
 * @param reason a sentence a student can read
 */
public record DocumentFailed(UUID documentId, UUID userId, String status, String reason, Instant failedAt) {
}
