package dev.lectavera.study.service;

import dev.lectavera.study.client.DocumentApi;
import dev.lectavera.study.client.DocumentInfo;
import dev.lectavera.study.client.DocumentRejected;
import dev.lectavera.study.config.StudyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Titles and versions of documents, kept in this instance's memory. The versions go into the answer cache key, so
 * this is on the path of every question: a known document costs no call to document-service. Every instance reads
 * the document events (DocumentIndexed/DocumentUpdated carry the new version, DocumentDeleted removes the entry;
 * {@code event/DocumentVersionsConsumer}), so an entry stays current without expiring. An entry older than
 * {@code catalog.refresh-after} is still used and re-checked with document-service in the background with the
 * asking user's token — the safety net for an event this instance missed. Only an unknown document is asked on the
 * request path.
 */
@ApplicationScoped
public class DocumentCatalog {

    private static final Logger LOG = Logger.getLogger(DocumentCatalog.class);
    private static final int MAX_ENTRIES = 10_000;

    /** The session's documents that still exist, and those that are gone. */
    public record Resolved(List<DocumentInfo> documents, List<UUID> missing) {
    }

    private record Entry(UUID userId, DocumentInfo info, long checkedAt) {
    }

    private final DocumentApi api;
    private final long refreshAfterMs;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final Set<UUID> refreshing = ConcurrentHashMap.newKeySet();

    DocumentCatalog(DocumentApi api, StudyConfig config) {
        this.api = api;
        this.refreshAfterMs = config.catalog().refreshAfter().toMillis();
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
            DocumentInfo known = known(userId, accessToken, id, now);
            if (known != null) {
                found.add(known);
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

    /**
     * The documents when this instance knows every one of them, with no call to document-service; empty as soon as
     * one is unknown (then {@link #resolve} asks).
     */
    public Optional<List<DocumentInfo>> knownOnly(UUID userId, String accessToken, List<UUID> documentIds) {
        List<DocumentInfo> found = new ArrayList<>(documentIds.size());
        long now = System.currentTimeMillis();
        for (UUID id : documentIds) {
            DocumentInfo known = known(userId, accessToken, id, now);
            if (known == null) {
                return Optional.empty();
            }
            found.add(known);
        }
        return Optional.of(found);
    }

    /** This user's document as this instance knows it (re-checked in the background when old), or null. */
    private DocumentInfo known(UUID userId, String accessToken, UUID documentId, long now) {
        Entry entry = entries.get(documentId);
        if (entry == null || !entry.userId().equals(userId)) {
            return null;
        }
        if (now - entry.checkedAt() > refreshAfterMs) {
            refreshInBackground(userId, accessToken, documentId);
        }
        return entry.info();
    }

    /**
     * DocumentIndexed (again): a known entry takes the new state. A document nobody asked about on this instance is
     * not stored — every instance sees every user's documents, which would crowd out the ones in use; its first
     * question asks document-service once.
     */
    public void indexed(UUID documentId, String title, long version, int pageCount) {
        entries.computeIfPresent(documentId, (id, old) -> old.info().version() > version ? old
                : new Entry(old.userId(), new DocumentInfo(documentId, title, DocumentInfo.INDEXED, version, pageCount),
                        System.currentTimeMillis()));
    }

    /** DocumentUpdated: a known entry takes the new version and title (its status is unchanged). */
    public void updated(UUID documentId, String title, long version) {
        entries.computeIfPresent(documentId, (id, old) -> old.info().version() > version ? old
                : new Entry(old.userId(), new DocumentInfo(documentId, title == null ? old.info().title() : title,
                        old.info().status(), version, old.info().pageCount()), System.currentTimeMillis()));
    }

    public void evict(UUID documentId) {
        entries.remove(documentId);
    }

    private void refreshInBackground(UUID userId, String accessToken, UUID documentId) {
        if (!refreshing.add(documentId)) {
            return;
        }
        Thread.ofVirtual().name("catalog-refresh").start(() -> {
            try {
                remember(userId, api.document(accessToken, documentId));
            } catch (DocumentRejected rejected) {
                if (rejected.notFound()) {
                    evict(documentId);
                }
            } catch (RuntimeException e) {
                // document-service unreachable: keep what we have, the next question tries again
                LOG.debugf("Background check of document %s failed: %s", documentId, e.toString());
            } finally {
                refreshing.remove(documentId);
            }
        });
    }

    private void remember(UUID userId, DocumentInfo info) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // crude but bounded; entries are cheap to fetch again
        }
        entries.put(info.id(), new Entry(userId, info, System.currentTimeMillis()));
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
