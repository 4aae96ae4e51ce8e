package dev.lectavera.document.repository;

import dev.lectavera.document.ingest.ExtractedDocument;
import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Extracted page texts (the text chunk offsets point into), and how each was obtained (text layer or OCR). */
@ApplicationScoped
public class PageRepository {

    /** Rows per JDBC batch: a long book is not sent as one huge batch. */
    private static final int BATCH = 500;

    /** A stored page: its text and how it was obtained ({@code ocrConfidence} only for OCR'd pages). */
    public record StoredPage(String text, String textSource, Double ocrConfidence) {
    }

    /** A page of a document. */
    public record PageRef(UUID documentId, int page) {
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

    /** Those of {@code pages} read by OCR with a mean confidence under {@code threshold} (or no word found). */
    public Set<PageRef> lowConfidence(Collection<PageRef> pages, double threshold) {
        if (pages.isEmpty()) {
            return Set.of();
        }
        List<UUID> documents = pages.stream().map(PageRef::documentId).toList();
        List<Integer> numbers = pages.stream().map(PageRef::page).toList();
        return new HashSet<>(database.query("""
                SELECT p.document_id, p.page_number
                FROM document_page p JOIN unnest(?::uuid[], ?::integer[]) AS wanted (document_id, page_number)
                     USING (document_id, page_number)
                WHERE p.text_source = 'ocr' AND (p.ocr_confidence IS NULL OR p.ocr_confidence < ?)""",
                row -> new PageRef(row.getObject(1, UUID.class), row.getInt(2)),
                Sql.array("uuid", documents), Sql.array("integer", numbers), threshold));
    }

    public Optional<StoredPage> page(UUID documentId, int pageNumber) {
        return database.queryFirst("""
                SELECT text, text_source, ocr_confidence FROM document_page
                WHERE document_id = ? AND page_number = ?""",
                row -> new StoredPage(row.getString(1), row.getString(2), Sql.nullableDouble(row, "ocr_confidence")),
                documentId, pageNumber);
    }
}
