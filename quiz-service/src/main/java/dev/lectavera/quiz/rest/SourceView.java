package dev.lectavera.quiz.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * Where a question comes from.
 *
 * @param passage        the sentence or passage it was drawn from; before the caller's first attempt with the
 *                       answer blanked out ({@code passageMasked})
 * @param startOffset    the passage's place in the page text (GET /api/v1/documents/{id}/pages/{page}), when known
 * @param documentDeleted the document has since been deleted (the passage is kept)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(UUID documentId, String title, int page, String passage, boolean passageMasked,
                         Integer startOffset, Integer endOffset, boolean documentDeleted) {
}
