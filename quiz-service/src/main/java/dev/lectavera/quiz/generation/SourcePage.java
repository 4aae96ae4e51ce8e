package dev.lectavera.quiz.generation;

import java.util.UUID;

/** The extracted text of one page of one of the caller's documents, as document-service serves it. */
public record SourcePage(UUID documentId, String title, int page, String text) {
}
