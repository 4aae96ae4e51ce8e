package dev.lectavera.study.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.contracts.events.DocumentUpdated;
import dev.lectavera.study.service.DocumentCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code lectavera.documents} again, in a consumer group of this instance alone (channel
 * {@code document-versions}): every instance sees every document event and keeps its {@link DocumentCatalog}
 * current — the versions that go into the answer cache key — without asking document-service on the request path.
 * In memory only and idempotent (an older version never replaces a newer one); junk is skipped.
 */
@ApplicationScoped
public class DocumentVersionsConsumer {

    private static final Logger LOG = Logger.getLogger(DocumentVersionsConsumer.class);

    private final DocumentCatalog catalog;

    DocumentVersionsConsumer(DocumentCatalog catalog) {
        this.catalog = catalog;
    }

    @Incoming("document-versions")
    public void onDocumentEvent(String json) {
        EventEnvelope<?> envelope;
        try {
            envelope = EventJson.read(json);
        } catch (RuntimeException e) {
            LOG.debugf("Skipping a record: %s", e.getMessage());
            return;
        }
        switch (envelope.data()) {
            case DocumentIndexed indexed -> catalog.indexed(indexed.documentId(), indexed.title(), indexed.version(),
                    indexed.pageCount());
            case DocumentUpdated updated -> catalog.updated(updated.documentId(), updated.title(), updated.version());
            case DocumentDeleted deleted -> catalog.evict(deleted.documentId());
            default -> {
                // other document events do not change what the catalog holds
            }
        }
    }
}
