package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A quiz was generated; {@code generator} names the model or the offline generator. */
public record QuizGenerated(
        UUID quizId,
        UUID userId,
        List<UUID> documentIds,
        int questionCount,
        String difficulty,
        String generator,
        Instant generatedAt) {
}
