package dev.lectavera.study.model;

import java.util.UUID;

/**
 * A quoted span of a document page backing part of an answer.
 *
 * @param marker      the number the answer text uses for it, as in "[2]"
 * @param quote       exactly {@code pageText.substring(startOffset, endOffset)} of that page
 * @param startOffset start of the quote in the page's text (GET /api/v1/documents/{id}/pages/{page})
 * @param endOffset   end, exclusive
 * @param lowConfidence the page was read from a scan by OCR with a low confidence: the quote may be misread
 */
public record Citation(int marker, UUID documentId, String title, int page, String quote, int startOffset,
                       int endOffset, boolean lowConfidence) {

    /** A citation of a page with a text layer (or a confidently OCR'd one). */
    public Citation(int marker, UUID documentId, String title, int page, String quote, int startOffset,
                    int endOffset) {
        this(marker, documentId, title, page, quote, startOffset, endOffset, false);
    }
}
