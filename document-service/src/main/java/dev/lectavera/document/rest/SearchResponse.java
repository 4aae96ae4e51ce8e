package dev.lectavera.document.rest;

import java.util.List;
import java.util.UUID;

/** Passages, best first. Shared with study-service and quiz-service: add fields, never rename them. */
public record SearchResponse(List<Result> results) {

    /**
     * @param page        1-based page the passage is on
     * @param startOffset start of the passage in that page's text (see GET /{id}/pages/{page})
     * @param endOffset   end (exclusive)
     * @param score       reciprocal-rank-fusion score: only the order means something
     * @param similarity  cosine similarity of the query and the passage embeddings (-1..1; bge-small puts related
     *                    texts around 0.6-0.9), null when the document was embedded by another model
     * @param lowConfidence the page was read by OCR with a low confidence: the passage may be misread
     */
    public record Result(UUID documentId, String title, int page, int startOffset, int endOffset, String text,
                         double score, Double similarity, boolean lowConfidence) {
    }
}
