package dev.lectavera.study.live;

import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes to this instance's WebSocket connections: a session's events to every local connection of the session, a
 * user's progress to every local connection of the user, a reply to one connection. It never touches Redis: what
 * comes through the fan-out subscription ({@link SessionSubscription}) and what the publisher delivers locally
 * while Redis is unusable ({@link SessionEventPublisher}) end here alike.
 * <p>
 * A session message holds one or more frames separated by {@link #FRAME_SEPARATOR} (JSON never contains a raw
 * newline). Each frame is encoded once and the same text is written to every local connection of the session.
 */
@ApplicationScoped
public class LiveDelivery {

    static final String FRAME_SEPARATOR = "\n";
    private static final Logger LOG = Logger.getLogger(LiveDelivery.class);
    private static final Consumer<Void> SENT = ignored -> {
    };
    private static final Consumer<Throwable> NOT_SENT = failure ->
            LOG.debugf("Could not send to a connection (closing?): %s", failure.toString());

    private final ConnectionRegistry connections;

    LiveDelivery(ConnectionRegistry connections) {
        this.connections = connections;
    }

    /** A session message (one or more frames) to every local connection of the session, each frame in order. */
    void toSession(UUID sessionId, String message) {
        Collection<ConnectionRegistry.Live> local = connections.ofSession(sessionId);
        if (local.isEmpty()) {
            return;
        }
        // split once (a single-character split takes no regex), then each connection gets the frames in order,
        // the same String instances for all
        String[] frames = message.split(FRAME_SEPARATOR);
        // One task per event loop writes to all of that loop's connections: a write from another thread would
        // otherwise be a task (and often a wake-up) of its own, per connection and frame.
        Map<EventLoop, List<ConnectionRegistry.Live>> byLoop = new IdentityHashMap<>(4);
        for (ConnectionRegistry.Live live : local) {
            if (live.context() instanceof ContextInternal context) {
                byLoop.computeIfAbsent(context.nettyEventLoop(), loop -> new ArrayList<>(local.size())).add(live);
            } else {
                sendAll(live, frames);
            }
        }
        // the other loops' tasks first, so they write while this thread writes to its own loop's connections
        List<ConnectionRegistry.Live> own = List.of();
        for (Map.Entry<EventLoop, List<ConnectionRegistry.Live>> group : byLoop.entrySet()) {
            List<ConnectionRegistry.Live> lives = group.getValue();
            if (group.getKey().inEventLoop()) {
                own = lives;
            } else {
                lives.getFirst().context().runOnContext(ignored -> lives.forEach(live -> sendAll(live, frames)));
            }
        }
        own.forEach(live -> sendAll(live, frames));
    }

    /** One frame to every local connection of the user. */
    void toUser(UUID userId, String frame) {
        for (ConnectionRegistry.Live live : connections.ofUser(userId)) {
            send(live.connection(), frame);
        }
    }

    /** One frame to one connection, if it is still open. */
    static void send(WebSocketConnection connection, String json) {
        if (connection.isOpen()) {
            // shared callbacks: nothing allocated per connection beyond the write itself
            connection.sendText(json).subscribe().with(SENT, NOT_SENT);
        }
    }

    private static void sendAll(ConnectionRegistry.Live live, String[] frames) {
        for (String frame : frames) {
            if (!frame.isEmpty()) {
                send(live.connection(), frame);
            }
        }
    }
}
