package dev.lectavera.quiz.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.outbox.IncomingEvents;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.outbox.EventInbox;
import dev.lectavera.quiz.service.QuizService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code lectavera.users}: UserDeleted purges the user's quizzes, questions, attempts, answers and their outbox
 * events, and leaves a tombstone that refuses any later write of the user. Applied once per event id; junk and
 * unknown types are logged and skipped.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final EventInbox inbox;
    private final QuizService quizzes;

    UserEventsConsumer(EventInbox inbox, QuizService quizzes) {
        this.inbox = inbox;
        this.quizzes = quizzes;
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
        LOG.infof("User %s deleted: %d quiz(zes) purged", deleted.userId(), purged);
    }
}
