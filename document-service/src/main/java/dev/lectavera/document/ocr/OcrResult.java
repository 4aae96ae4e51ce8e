package dev.lectavera.document.ocr;

/**
 * What Tesseract read on one page.
 *
 * @param text           the words in reading order: spaces within a line, a line break between lines, an empty line
 *                       between paragraphs (the chunker's paragraph boundary), not yet normalised
 * @param meanConfidence Tesseract's word confidence (0-100) averaged over the page's characters; null without words
 * @param words          words recognised
 */
public record OcrResult(String text, Double meanConfidence, int words) {
}
