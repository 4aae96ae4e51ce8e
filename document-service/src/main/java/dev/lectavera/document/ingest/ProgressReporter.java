package dev.lectavera.document.ingest;

import dev.lectavera.document.cache.DocumentStatusCache;
import dev.lectavera.document.cache.StatusSnapshot;
import dev.lectavera.document.cache.UserEventPublisher;
import dev.lectavera.document.cache.UserEventPublisher.DocumentProgress;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.model.FailureCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Writes a document's status to Redis (read by the status route) and publishes it to the user's channel. */
@ApplicationScoped
public class ProgressReporter {

    private final DocumentStatusCache statusCache;
    private final UserEventPublisher publisher;

    ProgressReporter(DocumentStatusCache statusCache, UserEventPublisher publisher) {
        this.statusCache = statusCache;
        this.publisher = publisher;
    }

    public void report(UUID userId, UUID documentId, DocumentStatus status, int pagesDone, Integer pagesTotal) {
        report(userId, documentId, status, pagesDone, pagesTotal, null, null);
    }

    /** Forgets the status reported for a document that was never stored (its upload failed). */
    public void withdraw(UUID documentId) {
        statusCache.evict(documentId);
    }

    /** The end of processing without an index: the reason goes with the status. */
    public void report(UUID userId, UUID documentId, DocumentStatus status, int pagesDone, Integer pagesTotal,
                       FailureCode failureCode, String failureReason) {
        statusCache.put(new StatusSnapshot(documentId, userId, status.name(), pagesDone, pagesTotal,
                failureCode == null ? null : failureCode.code(), failureReason, Instant.now()));
        publisher.publish(userId, new DocumentProgress(documentId, status.name(), pagesDone, pagesTotal));
    }
}
