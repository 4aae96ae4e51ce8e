package dev.lectavera.study.service.rag;

import java.util.UUID;

/**
 * A retrieved passage. {@code text} is exactly {@code pageText.substring(startOffset, endOffset)} of its page;
 * {@code rank} is its position in the search results (0 = best); {@code similarity} is the cosine of the query
 * and passage embeddings as document-service computed it, NaN when unknown (then only term evidence counts);
 * {@code lowConfidence}: its page was read from a scan by OCR with a low confidence, so the text may be misread.
 */
public record Passage(UUID documentId, String title, int page, int startOffset, int endOffset, String text,
                      int rank, double similarity, boolean lowConfidence) {

    /** A passage of a page with a text layer (or a confidently OCR'd one). */
    public Passage(UUID documentId, String title, int page, int startOffset, int endOffset, String text, int rank,
                   double similarity) {
        this(documentId, title, page, startOffset, endOffset, text, rank, similarity, false);
    }

    /** A passage without semantic evidence. */
    public Passage(UUID documentId, String title, int page, int startOffset, int endOffset, String text, int rank) {
        this(documentId, title, page, startOffset, endOffset, text, rank, Double.NaN);
    }

    public boolean hasSimilarity() {
        return !Double.isNaN(similarity);
    }
}
