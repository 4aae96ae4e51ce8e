package dev.lectavera.document.ingest;

import java.util.Collections;
import java.util.List;

/**
 * The text of a PDF, one string per page (index 0 is page 1), normalised by {@link PdfTextExtractor#normalize}.
 * Chunk offsets point into these strings, which are stored as they are. {@code sources} says, page by page, how the
 * text was obtained: from the PDF's text layer or by OCR (with its confidence).
 */
public record ExtractedDocument(List<String> pages, String title, String author, List<PageSource> sources) {

    /** How a page's text was obtained. */
    public record PageSource(boolean ocr, Double confidence) {

        public static final PageSource TEXT_LAYER = new PageSource(false, null);

        public static PageSource ocr(Double confidence) {
            return new PageSource(true, confidence);
        }

        /** As stored and shown: {@code text} or {@code ocr}. */
        public String kind() {
            return ocr ? "ocr" : "text";
        }
    }

    public ExtractedDocument {
        if (sources.size() != pages.size()) {
            throw new IllegalArgumentException(sources.size() + " sources for " + pages.size() + " pages");
        }
    }

    /** Every page from the text layer. */
    public ExtractedDocument(List<String> pages, String title, String author) {
        this(pages, title, author, Collections.nCopies(pages.size(), PageSource.TEXT_LAYER));
    }

    public int pageCount() {
        return pages.size();
    }

    public int ocrPages() {
        return (int) sources.stream().filter(PageSource::ocr).count();
    }
}
