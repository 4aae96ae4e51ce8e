package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

/**
 * One row per document. Order-tolerant by construction: the highest version's pages and title win
 * whatever order the events arrive in, and a deletion is final (a DocumentIndexed arriving after
 * its DocumentDeleted fills in the row but never makes the document count again).
 */
@ApplicationScoped
public class DocumentFactRepository {

    public void indexed(Connection c, UUID documentId, UUID userId, String title, int pageCount, long version,
                        Instant indexedAt) {
        Sql.update(c, """
                INSERT INTO document_fact (document_id, user_id, title, title_version, page_count, indexed_version, indexed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (document_id) DO UPDATE SET
                  page_count = CASE WHEN document_fact.indexed_version IS NULL
                                      OR EXCLUDED.indexed_version >= document_fact.indexed_version
                                    THEN EXCLUDED.page_count ELSE document_fact.page_count END,
                  indexed_at = CASE WHEN document_fact.indexed_version IS NULL
                                      OR EXCLUDED.indexed_version >= document_fact.indexed_version
                                    THEN EXCLUDED.indexed_at ELSE document_fact.indexed_at END,
                  indexed_version = GREATEST(document_fact.indexed_version, EXCLUDED.indexed_version),
                  title = CASE WHEN document_fact.title_version IS NULL
                                 OR EXCLUDED.title_version >= document_fact.title_version
                               THEN COALESCE(EXCLUDED.title, document_fact.title) ELSE document_fact.title END,
                  title_version = GREATEST(document_fact.title_version, EXCLUDED.title_version)""",
                documentId, userId, title, version, pageCount, version, indexedAt);
    }

    public void retitled(Connection c, UUID documentId, UUID userId, String title, long version) {
        Sql.update(c, """
                INSERT INTO document_fact (document_id, user_id, title, title_version) VALUES (?, ?, ?, ?)
                ON CONFLICT (document_id) DO UPDATE SET
                  title = CASE WHEN document_fact.title_version IS NULL
                                 OR EXCLUDED.title_version >= document_fact.title_version
                               THEN EXCLUDED.title ELSE document_fact.title END,
                  title_version = GREATEST(document_fact.title_version, EXCLUDED.title_version)""",
                documentId, userId, title, version);
    }

    public void deleted(Connection c, UUID documentId, UUID userId, Instant deletedAt) {
        Sql.update(c, """
                INSERT INTO document_fact (document_id, user_id, deleted_at) VALUES (?, ?, ?)
                ON CONFLICT (document_id) DO UPDATE SET
                  deleted_at = LEAST(document_fact.deleted_at, EXCLUDED.deleted_at)""",
                documentId, userId, deletedAt);
    }
}
