package dev.lectavera.document.repository;

import dev.lectavera.kit.jdbc.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Extracted page texts (the text chunk offsets point into). */
@ApplicationScoped
public class PageRepository {

    /** Rows per JDBC batch: a long book is not sent as one huge batch. */
    private static final int BATCH = 500;

    private final Database database;

    PageRepository(Database database) {
        this.database = database;
    }

    /** Within the caller's transaction. */
    public void insertAll(UUID documentId, List<String> pages) {
        List<Object[]> rows = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            rows.add(new Object[] {documentId, i + 1, pages.get(i)});
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            database.batch("INSERT INTO document_page (document_id, page_number, text) VALUES (?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    public Optional<String> text(UUID documentId, int pageNumber) {
        return database.queryFirst("SELECT text FROM document_page WHERE document_id = ? AND page_number = ?",
                row -> row.getString(1), documentId, pageNumber);
    }
}
