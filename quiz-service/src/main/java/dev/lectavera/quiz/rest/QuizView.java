package dev.lectavera.quiz.rest;

import dev.lectavera.quiz.model.GenerationMetadata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A quiz. {@code answersRevealed} is true once the caller has an attempt: then every question carries its answer,
 * explanation and unmasked passage.
 *
 * @param generator  "lectavera-offline" or "openai:&lt;model&gt;"
 * @param generation gate rejections, shortfall (fewer questions than requested, and why), fallback, timing
 */
public record QuizView(UUID id, String title, String difficulty, List<String> types, int requestedCount,
                       int questionCount, String generator, boolean sourceDeleted, Instant createdAt,
                       List<DocumentRefView> documents, List<QuestionView> questions, GenerationMetadata generation,
                       long attemptCount, boolean answersRevealed) {
}
