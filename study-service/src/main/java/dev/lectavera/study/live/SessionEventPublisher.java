package dev.lectavera.study.live;

import dev.lectavera.study.model.Json;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tells everyone watching a session, on every instance: each event is published to the session's Redis channel
 * {@code lv:study:session:{id}}, and every instance's {@link SessionSubscription} delivers it to its own
 * connections. Redis down (the publish fails, or this instance's subscription is not known to work): the event is
 * delivered to this instance's connections directly; clients elsewhere catch up with the polling endpoint.
 * <p>
 * The caller does not wait for Redis: a question's HTTP answer and a model's next streamed piece go on while Redis
 * confirms the publish. A session's events still reach Redis, or this instance's connections, in the order they were
 * published: each waits for the one before it (sessions do not wait for each other). The events are committed
 * messages or their streamed pieces, so one lost in a crash is still in the session's history.
 */
@ApplicationScoped
public class SessionEventPublisher {

    private static final Logger LOG = Logger.getLogger(SessionEventPublisher.class);

    private final BestEffortRedis redis;
    private final SessionSubscription subscription;
    private final LiveDelivery delivery;
    /** Per session, the last publish not yet confirmed: the next one of that session starts when it is done. */
    private final ConcurrentMap<UUID, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    SessionEventPublisher(BestEffortRedis redis, SessionSubscription subscription, LiveDelivery delivery) {
        this.redis = redis;
        this.subscription = subscription;
        this.delivery = delivery;
    }

    /** Publishes an event of a session to every instance (or delivers it here when Redis is unusable). */
    public void publish(UUID sessionId, Object event) {
        publishFrames(sessionId, Json.write(event));
    }

    /**
     * Publishes several events of a session as one Redis message; every connection receives them as separate
     * frames, in this order.
     */
    public void publishAll(UUID sessionId, List<?> events) {
        List<String> frames = new ArrayList<>(events.size());
        for (Object event : events) {
            frames.add(Json.write(event));
        }
        publishFrames(sessionId, String.join(LiveDelivery.FRAME_SEPARATOR, frames));
    }

    /** Sends an event to one connection only (replies to its own requests: errors, pong). */
    public void sendTo(WebSocketConnection connection, Object event) {
        LiveDelivery.send(connection, Json.write(event));
    }

    /** How many sessions have a publish waiting for Redis (for tests). */
    int sessionsInFlight() {
        return inFlight.size();
    }

    private void publishFrames(UUID sessionId, String message) {
        CompletableFuture<Void> turn = new CompletableFuture<>();
        CompletableFuture<Void> sent = turn.thenCompose(ignored -> send(sessionId, message));
        CompletableFuture<Void> previous = inFlight.put(sessionId, sent);
        // the entry goes once its last publish is done (a later publish has replaced it otherwise)
        sent.whenComplete((done, failure) -> inFlight.remove(sessionId, sent));
        if (previous == null) {
            turn.complete(null);
        } else {
            previous.whenComplete((done, failure) -> turn.complete(null));
        }
    }

    /** One publish: through Redis when the fan-out works there, otherwise (or when it fails) to this instance. */
    private CompletableFuture<Void> send(UUID sessionId, String message) {
        CompletableFuture<Boolean> published = subscription.subscribed()
                ? redis.start("session event publish", r -> r.pubsub(String.class)
                        .publish(RedisKeys.sessionChannel(sessionId), message).replaceWith(Boolean.TRUE), Boolean.FALSE)
                : CompletableFuture.completedFuture(Boolean.FALSE);
        return published.thenAccept(viaRedis -> {
            if (!viaRedis) {
                LOG.debugf("Session %s event delivered on this instance only (fan-out through Redis unavailable)",
                        sessionId);
                delivery.toSession(sessionId, message);
            }
        }).exceptionally(failure -> {
            LOG.warnf(failure, "Session %s event not delivered", sessionId);
            return null;
        });
    }
}
