package dev.lectavera.document.rest;

import dev.lectavera.document.model.Document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A document as the API shows it. */
public record DocumentView(
        UUID id,
        String title,
        String author,
        String category,
        List<String> tags,
        boolean archived,
        String status,
        String failureCode,
        String failureReason,
        Integer pageCount,
        Integer chunkCount,
        int ocrPages,
        long sizeBytes,
        String originalFilename,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant indexedAt) {

    public static DocumentView of(Document d) {
        return new DocumentView(d.id, d.title, d.author, d.category, List.copyOf(d.tags), d.archived, d.status.name(),
                d.failureCode, d.failureReason, d.pageCount, d.chunkCount, d.ocrPages, d.sizeBytes, d.originalFilename, d.version, d.createdAt,
                d.updatedAt, d.indexedAt);
    }
}
