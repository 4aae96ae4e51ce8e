package dev.lectavera.document.repository;

import dev.lectavera.document.ingest.ExtractedDocument;
import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Extracted page texts (the text chunk offsets point into), and how each was obtained (text layer or OCR). */
@ApplicationScoped
public class PageRepository {

    /** Rows per JDBC batch: a long book is not sent as one huge batch. */
    private static final int BATCH = 500;

    /** A stored page: its text and how it was obtained ({@code ocrConfidence} only for OCR'd pages). */
    public record StoredPage(String text, String textSource, Double ocrConfidence) {
    }

    private final Database database;

    PageRepository(Database database) {
        this.database = database;
    }

    /** Within the caller's transaction. */
    public void insertAll(UUID documentId, ExtractedDocument document) {
        List<String> pages = document.pages();
        List<Object[]> rows = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            ExtractedDocument.PageSource source = document.sources().get(i);
            rows.add(new Object[] {documentId, i + 1, pages.get(i), source.kind(),
                    source.confidence() == null ? null : source.confidence().floatValue()});
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            database.batch("""
                    INSERT INTO document_page (document_id, page_number, text, text_source, ocr_confidence)
                    VALUES (?, ?, ?, ?, ?::real)""", rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    public Optional<StoredPage> page(UUID documentId, int pageNumber) {
        return database.queryFirst("""
                SELECT text, text_source, ocr_confidence FROM document_page
                WHERE document_id = ? AND page_number = ?""",
                row -> new StoredPage(row.getString(1), row.getString(2), Sql.nullableDouble(row, "ocr_confidence")),
                documentId, pageNumber);
    }
}
