package dev.lectavera.document.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Extracted page texts (the text chunk offsets point into). */
@ApplicationScoped
public class PageRepository {

    private final AgroalDataSource dataSource;

    PageRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Within the caller's transaction. */
    public void insertAll(UUID documentId, List<String> pages) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO document_page (document_id, page_number, text) VALUES (?, ?, ?)")) {
            for (int i = 0; i < pages.size(); i++) {
                insert.setObject(1, documentId);
                insert.setInt(2, i + 1);
                insert.setString(3, pages.get(i));
                insert.addBatch();
                if ((i + 1) % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    public Optional<String> text(UUID documentId, int pageNumber) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT text FROM document_page WHERE document_id = ? AND page_number = ?")) {
            select.setObject(1, documentId);
            select.setInt(2, pageNumber);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
