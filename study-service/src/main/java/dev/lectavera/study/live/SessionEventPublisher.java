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

/**
 * Tells everyone watching a session, on every instance: each event is published to the session's Redis channel
 * {@code lv:study:session:{id}}, and every instance's {@link SessionSubscription} delivers it to its own
 * connections. Redis down (the publish fails, or this instance's subscription is not known to work): the event is
 * delivered to this instance's connections directly; clients elsewhere catch up with the polling endpoint.
 */
@ApplicationScoped
public class SessionEventPublisher {

    private static final Logger LOG = Logger.getLogger(SessionEventPublisher.class);

    private final BestEffortRedis redis;
    private final SessionSubscription subscription;
    private final LiveDelivery delivery;

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

    private void publishFrames(UUID sessionId, String message) {
        boolean published = subscription.subscribed() && redis.run("session event publish",
                r -> r.pubsub(String.class).publish(RedisKeys.sessionChannel(sessionId), message));
        if (!published) {
            LOG.debugf("Session %s event delivered on this instance only (fan-out through Redis unavailable)", sessionId);
            delivery.toSession(sessionId, message);
        }
    }
}
