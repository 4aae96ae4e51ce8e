package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A document, its file, pages, chunks and vectors are gone. */
public record DocumentDeleted(UUID documentId, UUID userId, Instant deletedAt) {
}
