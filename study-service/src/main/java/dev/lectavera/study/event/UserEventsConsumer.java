package dev.lectavera.study.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.outbox.EventInbox;
import dev.lectavera.outbox.IncomingEvents;
import dev.lectavera.study.repository.SessionRepository;
import dev.lectavera.study.service.LiveWindow;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Reacts to {@code lectavera.users}: a deleted user's sessions and messages are purged, once, and a tombstone refuses
 * their later writes. Their open sockets close through auth-service's revocation mark (see SocketRevocations).
 */
@ApplicationScoped
public class UserEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final EventInbox processed;
    private final SessionRepository sessions;
    private final LiveWindow window;

    UserEventsConsumer(EventInbox processed, SessionRepository sessions, LiveWindow window) {
        this.processed = processed;
        this.sessions = sessions;
        this.window = window;
    }

    @Incoming("users")
    @Blocking
    @Transactional
    public void onUserEvent(String json) {
        EventEnvelope<?> envelope = IncomingEvents.decode(json, "users").orElse(null);
        if (envelope == null) {
            return;
        }
        if (!(envelope.data() instanceof UserDeleted deleted)
                || !processed.markProcessed(envelope.id(), envelope.type())) {
            return;
        }
        // the tombstone first, under the user's exclusive lock: a session insert still in flight either committed
        // already (and is deleted below) or waits and then sees the tombstone
        sessions.lockUser(deleted.userId(), true);
        sessions.markDeleted(deleted.userId());
        List<UUID> removed = sessions.deleteAllOf(deleted.userId());
        removed.forEach(window::drop); // best effort: the windows expire anyway
        if (!removed.isEmpty()) {
            LOG.infof("User %s deleted: purged %d sessions with their messages", deleted.userId(), removed.size());
        }
    }
}
