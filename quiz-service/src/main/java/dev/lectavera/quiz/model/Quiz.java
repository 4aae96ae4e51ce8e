package dev.lectavera.quiz.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored quiz (row of {@code quiz}). */
public record Quiz(UUID id, UUID userId, String title, String difficulty, List<String> types, int requestedCount,
                   int questionCount, String generator, GenerationMetadata generation, boolean sourceDeleted,
                   Instant createdAt) {
}
