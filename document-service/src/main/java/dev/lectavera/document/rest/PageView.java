package dev.lectavera.document.rest;

import dev.lectavera.document.model.DocumentPage;

import java.util.UUID;

/**
 * The stored text of one page; search offsets index into {@code text}. {@code textSource} is {@code text} (the PDF's
 * text layer) or {@code ocr}; OCR'd pages carry their mean word confidence (0-100) and {@code lowConfidence} when it
 * is under the configured threshold, so a citation of such a page can say it may be misread.
 */
public record PageView(UUID documentId, int page, String text, String textSource, Double ocrConfidence,
                       boolean lowConfidence) {

    static PageView of(UUID documentId, DocumentPage page) {
        return new PageView(documentId, page.number(), page.text(), page.textSource(), page.ocrConfidence(),
                page.lowConfidence());
    }
}
