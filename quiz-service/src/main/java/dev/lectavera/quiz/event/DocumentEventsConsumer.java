package dev.lectavera.quiz.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.outbox.IncomingEvents;
import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.outbox.EventInbox;
import dev.lectavera.quiz.review.service.CardService;
import dev.lectavera.quiz.service.QuizService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code lectavera.documents}: DocumentDeleted marks the quizzes built on that document ({@code sourceDeleted}); they
 * stay readable. Its review cards are suspended with the reason {@code document_deleted}. Other document events are not
 * this service's business. Each event is applied once ({@code processed_event}); junk and unknown types are logged and
 * skipped.
 */
@ApplicationScoped
public class DocumentEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DocumentEventsConsumer.class);

    private final EventInbox inbox;
    private final QuizService quizzes;
    private final CardService cards;

    DocumentEventsConsumer(EventInbox inbox, QuizService quizzes, CardService cards) {
        this.inbox = inbox;
        this.quizzes = quizzes;
        this.cards = cards;
    }

    @Incoming("documents")
    @Blocking
    @Transactional
    public void consume(String json) {
        EventEnvelope<?> envelope = IncomingEvents.decode(json, "documents").orElse(null);
        if (envelope == null || !(envelope.data() instanceof DocumentDeleted deleted)) {
            return;
        }
        if (!inbox.markProcessed(envelope.id(), envelope.type())) {
            LOG.debugf("DocumentDeleted %s already applied", envelope.id());
            return;
        }
        int marked = quizzes.markDocumentDeleted(deleted.documentId(), deleted.deletedAt());
        int suspended = cards.suspendForDeletedDocument(deleted.documentId(), deleted.deletedAt());
        LOG.infof("Document %s deleted: %d quiz(zes) marked, %d card(s) suspended", deleted.documentId(), marked,
                suspended);
    }
}
