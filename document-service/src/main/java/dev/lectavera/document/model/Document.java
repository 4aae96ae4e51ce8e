package dev.lectavera.document.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded PDF and its processing state: a row of the {@code document} table, read and written by
 * {@code DocumentRepository}. Pages and chunks live in their own tables; the job columns (lease, attempts) are
 * driven by {@code DocumentJobRepository} and are not here.
 */
public class Document {

    public UUID id;

    public UUID userId;

    public String sha256;

    public String title;

    /** True once the user chose the title: the PDF's own metadata title no longer replaces it. */
    public boolean titleFromUser;

    public String originalFilename;

    public String author;

    public String category;

    public List<String> tags = new ArrayList<>();

    public boolean archived;

    public DocumentStatus status;

    /** The reason as a stable code ({@link FailureCode#code()}), next to the sentence. */
    public String failureCode;

    public String failureReason;

    public Integer pageCount;

    public int pagesDone;

    public Integer chunkCount;

    /** Pages whose text was read by OCR (0 for a PDF with a text layer on every page). */
    public int ocrPages;

    public long sizeBytes;

    public String blobKey;

    public String embeddingModel;

    public long version;

    public Instant createdAt;

    public Instant updatedAt;

    public Instant indexedAt;
}
