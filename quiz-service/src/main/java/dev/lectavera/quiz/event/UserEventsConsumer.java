package dev.lectavera.quiz.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.outbox.IncomingEvents;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.outbox.EventInbox;
import dev.lectavera.quiz.review.service.CardService;
import dev.lectavera.quiz.service.QuizService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code lectavera.users}: UserDeleted purges the user's quizzes, questions, attempts, answers, review cards, review
 * log and settings and their outbox events, and leaves a tombstone that refuses any later write of the user. Applied
 * once per event id; junk and unknown types are logged and skipped.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final EventInbox inbox;
    private final QuizService quizzes;
    private final CardService cards;

    UserEventsConsumer(EventInbox inbox, QuizService quizzes, CardService cards) {
        this.inbox = inbox;
        this.quizzes = quizzes;
        this.cards = cards;
    }

    @Incoming("users")
    @Blocking
    @Transactional
    public void consume(String json) {
        EventEnvelope<?> envelope = IncomingEvents.decode(json, "users").orElse(null);
        if (envelope == null || !(envelope.data() instanceof UserDeleted deleted)) {
            return;
        }
        if (!inbox.markProcessed(envelope.id(), envelope.type())) {
            LOG.debugf("UserDeleted %s already applied", envelope.id());
            return;
        }
        int purged = quizzes.purgeUser(deleted.userId(), deleted.deletedAt());
        // after purgeUser: the user's exclusive lock is held, so no card is being stored concurrently
        int cardsPurged = cards.purgeUser(deleted.userId());
        LOG.infof("User %s deleted: %d quiz(zes) and %d card(s) purged", deleted.userId(), purged, cardsPurged);
    }
}
