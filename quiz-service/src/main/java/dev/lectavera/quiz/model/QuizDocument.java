package dev.lectavera.quiz.model;

import java.time.Instant;
import java.util.UUID;

/** A document a quiz was built from; {@code deletedAt} once DocumentDeleted arrived. */
public record QuizDocument(UUID documentId, String title, long version, Instant deletedAt) {
}
