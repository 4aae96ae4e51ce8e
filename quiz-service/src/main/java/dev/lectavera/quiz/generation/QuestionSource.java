package dev.lectavera.quiz.generation;

import java.util.UUID;

/**
 * Where a question was drawn from.
 *
 * @param passage     the sentence (or passage) the question is built on, white space collapsed
 * @param startOffset start of the passage in the page text served by document-service, when known
 * @param endOffset   end (exclusive), when known
 */
public record QuestionSource(UUID documentId, String title, int page, String passage, Integer startOffset,
                             Integer endOffset) {
}
