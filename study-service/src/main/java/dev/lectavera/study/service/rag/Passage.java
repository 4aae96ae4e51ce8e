package dev.lectavera.study.service.rag;

import java.util.UUID;

/**
 * A retrieved passage. {@code text} is exactly {@code pageText.substring(startOffset, endOffset)} of its page;
 * {@code rank} is its position in the search results (0 = best).
 */
public record Passage(UUID documentId, String title, int page, int startOffset, int endOffset, String text,
                      int rank) {
}
