package dev.lectavera.quiz.model;

import java.util.List;
import java.util.UUID;

/** A stored question (row of {@code question}); {@code answer} is the key, never shown before an attempt. */
public record Question(UUID id, UUID quizId, int position, String type, String prompt, List<String> options,
                       String answer, String explanation, String topic, UUID documentId, int page, String passage,
                       Integer startOffset, Integer endOffset) {
}
