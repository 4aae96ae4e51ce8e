package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A spaced-review card left the review queue or came back to it (quiz-service).
 *
 * @param suspended true when it left the queue; false when the student took it back
 * @param reason    user, document_deleted or deleted (the card itself is gone); null when resumed
 */
public record CardSuspended(UUID cardId, UUID userId, boolean suspended, String reason, Instant changedAt) {
}
