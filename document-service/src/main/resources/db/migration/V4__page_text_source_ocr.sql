-- Issue 18: scanned pages read by OCR. Each page records how its text was obtained; the document how many pages
-- were OCR'd (shown in the library). Low confidence is decided when read, against the configured threshold.
ALTER TABLE document_page
    ADD COLUMN text_source    text NOT NULL DEFAULT 'text' CHECK (text_source IN ('text', 'ocr')),
    ADD COLUMN ocr_confidence real CHECK (ocr_confidence BETWEEN 0 AND 100);  -- mean word confidence, OCR pages only

ALTER TABLE document ADD COLUMN ocr_pages integer NOT NULL DEFAULT 0;
