package dev.lectavera.document.ingest;

import java.util.List;

/**
 * The text of a PDF, one string per page (index 0 is page 1), normalised by {@link PdfTextExtractor#normalize}.
 * Chunk offsets point into these strings, which are stored as they are.
 */
public record ExtractedDocument(List<String> pages, String title, String author) {

    public int pageCount() {
        return pages.size();
    }
}
