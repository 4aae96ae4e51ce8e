package dev.lectavera.study.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.contracts.events.DocumentUpdated;
import dev.lectavera.outbox.EventInbox;
import dev.lectavera.outbox.IncomingEvents;
import dev.lectavera.study.repository.SessionRepository;
import dev.lectavera.study.service.AnswerCache;
import dev.lectavera.study.service.DocumentCatalog;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reacts to {@code lectavera.documents}. DocumentUpdated and DocumentDeleted delete exactly the cached answers
 * that used the document (its index set in Redis); DocumentDeleted also removes the document from the owner's
 * sessions. Document versions are kept current on every instance by {@link DocumentVersionsConsumer}. Idempotent;
 * unknown types and junk are skipped.
 */
@ApplicationScoped
public class DocumentEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DocumentEventsConsumer.class);

    private final EventInbox processed;
    private final SessionRepository sessions;
    private final AnswerCache cache;
    private final DocumentCatalog catalog;

    DocumentEventsConsumer(EventInbox processed, SessionRepository sessions, AnswerCache cache,
                           DocumentCatalog catalog) {
        this.processed = processed;
        this.sessions = sessions;
        this.cache = cache;
        this.catalog = catalog;
    }

    @Incoming("documents")
    @Blocking
    @Transactional
    public void onDocumentEvent(String json) {
        EventEnvelope<?> envelope = IncomingEvents.decode(json, "documents").orElse(null);
        if (envelope == null) {
            return;
        }
        switch (envelope.data()) {
            case DocumentDeleted deleted -> {
                catalog.evict(deleted.documentId());
                if (processed.markProcessed(envelope.id(), envelope.type())) {
                    int sessionsChanged = sessions.removeDocument(deleted.userId(), deleted.documentId());
                    int answers = cache.invalidateDocument(deleted.documentId());
                    LOG.debugf("Document %s deleted: left %d sessions, %d cached answers dropped",
                            deleted.documentId(), sessionsChanged, answers);
                }
            }
            case DocumentUpdated updated -> {
                if (processed.markProcessed(envelope.id(), envelope.type())) {
                    int answers = cache.invalidateDocument(updated.documentId());
                    LOG.debugf("Document %s updated: %d cached answers dropped", updated.documentId(), answers);
                }
            }
            default -> {
                // DocumentFailed and others: nothing to do here
            }
        }
    }
}
