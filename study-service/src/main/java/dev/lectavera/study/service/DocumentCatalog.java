package dev.lectavera.study.service;

import dev.lectavera.study.client.DocumentApi;
import dev.lectavera.study.client.DocumentInfo;
import dev.lectavera.study.client.DocumentRejected;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Titles and versions of documents, asked from document-service with the user's token and remembered briefly
 * in this instance (document events evict an entry at once; the short lifetime covers a missed event). The
 * versions go into the answer cache key.
 */
@ApplicationScoped
public class DocumentCatalog {

    private static final long TTL_MS = 30_000;
    private static final int MAX_ENTRIES = 10_000;

    /** The session's documents that still exist, and those that are gone. */
    public record Resolved(List<DocumentInfo> documents, List<UUID> missing) {
    }

    private record Entry(UUID userId, DocumentInfo info, long expiresAt) {
    }

    private final DocumentApi api;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    DocumentCatalog(DocumentApi api) {
        this.api = api;
    }

    /** For a new or changed selection: asked fresh; must exist for this user and be INDEXED. */
    public DocumentInfo requireIndexed(UUID userId, String accessToken, UUID documentId) {
        DocumentInfo info;
        try {
            info = api.document(accessToken, documentId);
        } catch (DocumentRejected rejected) {
            throw rejection(rejected, documentId);
        }
        if (!info.indexed()) {
            throw StudyProblem.documentNotReady(documentId, info.status());
        }
        remember(userId, info);
        return info;
    }

    public Resolved resolve(UUID userId, String accessToken, List<UUID> documentIds) {
        List<DocumentInfo> found = new ArrayList<>();
        List<UUID> missing = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (UUID id : documentIds) {
            Entry entry = entries.get(id);
            if (entry != null && entry.userId().equals(userId) && entry.expiresAt() > now) {
                found.add(entry.info());
                continue;
            }
            try {
                DocumentInfo info = api.document(accessToken, id);
                remember(userId, info);
                found.add(info);
            } catch (DocumentRejected rejected) {
                if (!rejected.notFound()) {
                    throw rejection(rejected, id);
                }
                missing.add(id);
            }
        }
        return new Resolved(found, missing);
    }

    public void evict(UUID documentId) {
        entries.remove(documentId);
    }

    private void remember(UUID userId, DocumentInfo info) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // crude but bounded; entries are cheap to fetch again
        }
        entries.put(info.id(), new Entry(userId, info, System.currentTimeMillis() + TTL_MS));
    }

    private static StudyProblem rejection(DocumentRejected rejected, UUID documentId) {
        if (rejected.notFound()) {
            return StudyProblem.documentNotFound(documentId);
        }
        if (rejected.unauthorized()) {
            return StudyProblem.documentsRejectedToken();
        }
        return StudyProblem.documentsUnavailable("answered " + rejected.status());
    }
}
