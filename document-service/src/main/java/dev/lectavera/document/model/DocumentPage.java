package dev.lectavera.document.model;

/**
 * One page of an indexed document as stored: the text search offsets point into, and how it was obtained.
 *
 * @param textSource    {@code text} (the PDF's text layer) or {@code ocr} (recognised on the rendered page)
 * @param ocrConfidence Tesseract's mean word confidence (0-100), OCR'd pages only (null when nothing was found)
 * @param lowConfidence an OCR'd page under {@code lectavera.documents.ocr.low-confidence}: quotes from it may be
 *                      misread
 */
public record DocumentPage(int number, String text, String textSource, Double ocrConfidence, boolean lowConfidence) {
}
