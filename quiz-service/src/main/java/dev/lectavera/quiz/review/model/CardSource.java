package dev.lectavera.quiz.review.model;

import java.util.UUID;

/** Where a card's answer is written: a document's page, the passage, and its place in the page text when known. */
public record CardSource(UUID documentId, String documentTitle, int page, String passage, Integer startOffset,
                         Integer endOffset) {
}
