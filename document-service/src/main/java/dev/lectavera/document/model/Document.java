package dev.lectavera.document.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.LockModeType;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded PDF and its processing state. Pages and chunks live in their own tables (written in bulk with
 * JDBC); the job columns (lease, attempts) are driven by {@code DocumentJobRepository}.
 */
@Entity
@Table(name = "document")
@DynamicUpdate // a metadata change must not write back status or progress a worker changed meanwhile
public class Document extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(nullable = false)
    public String title;

    /** True once the user chose the title: the PDF's own metadata title no longer replaces it. */
    @Column(name = "title_from_user", nullable = false)
    public boolean titleFromUser;

    @Column(name = "original_filename")
    public String originalFilename;

    public String author;

    public String category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @Column(nullable = false)
    public boolean archived;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;

    /** The reason as a stable code ({@link FailureCode#code()}), next to the sentence. */
    @Column(name = "failure_code")
    public String failureCode;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "page_count")
    public Integer pageCount;

    @Column(name = "pages_done", nullable = false)
    public int pagesDone;

    @Column(name = "chunk_count")
    public Integer chunkCount;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "blob_key", nullable = false)
    public String blobKey;

    @Column(name = "embedding_model")
    public String embeddingModel;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "indexed_at")
    public Instant indexedAt;

    /** The user's document, or empty for an unknown id and for anybody else's document alike. */
    public static Optional<Document> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** The same, locked for a change: serialised with a worker completing the document (which locks it too). */
    public static Optional<Document> findOwnedForUpdate(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static Optional<Document> findBySha256(UUID userId, String sha256) {
        return find("userId = ?1 and sha256 = ?2", userId, sha256).firstResultOptional();
    }
}
