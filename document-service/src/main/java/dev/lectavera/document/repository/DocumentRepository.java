package dev.lectavera.document.repository;

import dev.lectavera.document.model.Document;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.RowMapper;
import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code document} table as the user sees it: upload, list, read, change metadata, delete. Every lookup takes
 * the owner too, so somebody else's document is simply not found. Within the caller's transaction.
 */
@ApplicationScoped
public class DocumentRepository {

    /** A filter of a user's list; null fields do not filter. */
    public record Filter(boolean archived, String category, String tag, String text) {
    }

    /** A user's document searchable now, and the model its vectors came from. */
    public record Searchable(UUID id, String embeddingModel) {
    }

    private static final String COLUMNS = "id, user_id, sha256, title, title_from_user, original_filename, author,"
            + " category, tags, archived, status, failure_code, failure_reason, page_count, pages_done, chunk_count,"
            + " ocr_pages, size_bytes, blob_key, embedding_model, version, created_at, updated_at, indexed_at";

    private final Database database;

    DocumentRepository(Database database) {
        this.database = database;
    }

    /** The user's document, or empty for an unknown id and for anybody else's document alike. */
    public Optional<Document> findOwned(UUID userId, UUID id) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM document WHERE id = ? AND user_id = ?",
                DocumentRepository::document, id, userId);
    }

    /** The same, locked for a change: serialised with a worker completing the document (which locks it too). */
    public Optional<Document> findOwnedForUpdate(UUID userId, UUID id) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM document WHERE id = ? AND user_id = ? FOR UPDATE",
                DocumentRepository::document, id, userId);
    }

    public Optional<Document> findBySha256(UUID userId, String sha256) {
        return database.queryFirst("SELECT " + COLUMNS + " FROM document WHERE user_id = ? AND sha256 = ?",
                DocumentRepository::document, userId, sha256);
    }

    /** Every document of the user, locked until the transaction ends. */
    public List<Document> lockAll(UUID userId) {
        return database.query("SELECT " + COLUMNS + " FROM document WHERE user_id = ? FOR UPDATE",
                DocumentRepository::document, userId);
    }

    /** One page of the user's documents, newest first. */
    public List<Document> list(UUID userId, Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(userId, filter, params);
        params.add(size);
        params.add((long) page * size);
        return database.query("SELECT " + COLUMNS + " FROM document WHERE " + where
                + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?", DocumentRepository::document, params.toArray());
    }

    public long count(UUID userId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(userId, filter, params);
        return database.queryOne("SELECT count(*) FROM document WHERE " + where, row -> row.getLong(1),
                params.toArray());
    }

    /**
     * The user's indexed documents: those named (archived included, since they were named; ids that are not the
     * user's contribute nothing), or, when none are named, all that are not archived.
     */
    public List<Searchable> searchable(UUID userId, Collection<UUID> named) {
        RowMapper<Searchable> searchable = row -> new Searchable(Sql.uuid(row, "id"),
                row.getString("embedding_model"));
        return named == null || named.isEmpty()
                ? database.query("SELECT id, embedding_model FROM document"
                        + " WHERE user_id = ? AND status = 'INDEXED' AND NOT archived", searchable, userId)
                : database.query("SELECT id, embedding_model FROM document"
                        + " WHERE user_id = ? AND status = 'INDEXED' AND id = ANY (?)", searchable, userId,
                        Sql.array("uuid", named));
    }

    public void insert(Document d) {
        database.update("INSERT INTO document (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id, d.userId, d.sha256, d.title, d.titleFromUser, d.originalFilename, d.author, d.category,
                Sql.array("text", tags(d)), d.archived, d.status, d.failureCode, d.failureReason, d.pageCount,
                d.pagesDone, d.chunkCount, d.ocrPages, d.sizeBytes, d.blobKey, d.embeddingModel, d.version, d.createdAt,
                d.updatedAt, d.indexedAt);
    }

    /**
     * Writes back what a user may change and nothing else: status and progress belong to the worker, which may
     * have changed them meanwhile.
     */
    public void updateMetadata(Document d) {
        database.update("""
                UPDATE document SET title = ?, title_from_user = ?, category = ?, tags = ?, archived = ?, version = ?,
                                    updated_at = ?
                WHERE id = ?""", d.title, d.titleFromUser, d.category, Sql.array("text", tags(d)), d.archived,
                d.version, d.updatedAt, d.id);
    }

    /** Pages and chunks follow (ON DELETE CASCADE). */
    public void delete(UUID id) {
        database.update("DELETE FROM document WHERE id = ?", id);
    }

    private static String where(UUID userId, Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("user_id = ? AND archived = ?");
        params.add(userId);
        params.add(filter.archived());
        if (filter.category() != null) {
            where.append(" AND lower(category) = ?");
            params.add(filter.category().toLowerCase(Locale.ROOT));
        }
        if (filter.tag() != null) {
            where.append(" AND ? = ANY (tags)");
            params.add(filter.tag());
        }
        if (filter.text() != null) {
            where.append(" AND lower(title) LIKE ? ESCAPE '!'");
            params.add("%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return where.toString();
    }

    private static List<String> tags(Document d) {
        return d.tags == null ? List.of() : d.tags;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Document document(ResultSet row) throws SQLException {
        Document d = new Document();
        d.id = Sql.uuid(row, "id");
        d.userId = Sql.uuid(row, "user_id");
        d.sha256 = row.getString("sha256");
        d.title = row.getString("title");
        d.titleFromUser = row.getBoolean("title_from_user");
        d.originalFilename = row.getString("original_filename");
        d.author = row.getString("author");
        d.category = row.getString("category");
        d.tags = new ArrayList<>(Sql.strings(row, "tags"));
        d.archived = row.getBoolean("archived");
        d.status = DocumentStatus.valueOf(row.getString("status"));
        d.failureCode = row.getString("failure_code");
        d.failureReason = row.getString("failure_reason");
        d.pageCount = Sql.nullableInt(row, "page_count");
        d.pagesDone = row.getInt("pages_done");
        d.chunkCount = Sql.nullableInt(row, "chunk_count");
        d.ocrPages = row.getInt("ocr_pages");
        d.sizeBytes = row.getLong("size_bytes");
        d.blobKey = row.getString("blob_key");
        d.embeddingModel = row.getString("embedding_model");
        d.version = row.getLong("version");
        d.createdAt = Sql.instant(row, "created_at");
        d.updatedAt = Sql.instant(row, "updated_at");
        d.indexedAt = Sql.instant(row, "indexed_at");
        return d;
    }
}
