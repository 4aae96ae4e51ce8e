package dev.lectavera.study.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/** Passages, best first; each {@code text} is exactly {@code pageText.substring(startOffset, endOffset)}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchResults(List<Result> results) {

    /**
     * {@code similarity}: cosine of query and passage embeddings; null when document-service has none.
     * {@code lowConfidence}: the page was read by OCR with a low confidence (false when absent).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(UUID documentId, String title, int page, int startOffset, int endOffset, String text,
                         double score, Double similarity, boolean lowConfidence) {
    }
}
