package dev.lectavera.document.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.document.service.DocumentService;
import dev.lectavera.outbox.EventInbox;
import dev.lectavera.outbox.IncomingEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;



/**
 * Reacts to {@code lectavera.users}: a deleted user's documents are purged (rows, pages, chunks, vectors, files).
 * Idempotent: an event id is applied once, whatever Kafka redelivers. Unknown types and junk are skipped.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final DocumentService documents;
    private final EventInbox inbox;

    UserEventsConsumer(DocumentService documents, EventInbox inbox) {
        this.documents = documents;
        this.inbox = inbox;
    }

    @Incoming("users")
    @Blocking
    @Transactional(rollbackOn = Exception.class)
    public void onUserEvent(String json) {
        EventEnvelope<?> envelope = IncomingEvents.decode(json, "users").orElse(null);
        if (envelope == null) {
            return;
        }
        if (!(envelope.data() instanceof UserDeleted deleted)) {
            return;
        }
        if (!inbox.markProcessed(envelope.id(), envelope.type())) {
            LOG.debugf("Event %s already applied", envelope.id());
            return;
        }
        int purged = documents.purgeUser(deleted.userId());
        LOG.infof("User %s deleted: purged %d documents", deleted.userId(), purged);
    }
}
