package dev.lectavera.document.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads a page whose text layer is unusable by recognising its rendered picture (OCR). The extractor decides which
 * pages need it ({@link TextLayer#needsOcr}); this does the reading, within the document's limits.
 */
public interface PageOcr {

    /** The text recognised on a page and its mean word confidence (0-100; null when no word was found). */
    record Page(String text, Double confidence) {
    }

    /** No OCR here: pages stay as their text layer has them, and an all-scanned document needs OCR. */
    PageOcr NONE = new PageOcr() {
        @Override
        public String unavailableReason() {
            return "not supported";
        }

        @Override
        public double minCharsPerSquareInch() {
            return 0;
        }

        @Override
        public Page read(PDDocument pdf, int pageIndex) {
            throw new IllegalStateException("no OCR");
        }
    };

    /** Null when pages can be read; otherwise why not, as a student would read it. */
    String unavailableReason();

    /** A text layer thinner than this (characters per square inch) on a mostly-picture page is not kept. */
    double minCharsPerSquareInch();

    /**
     * @param pageIndex 0-based
     * @throws ProcessingLimitException past a deadline or a size limit
     */
    Page read(PDDocument pdf, int pageIndex);
}
