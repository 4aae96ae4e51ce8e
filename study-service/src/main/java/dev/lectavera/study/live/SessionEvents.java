package dev.lectavera.study.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectavera.study.model.Json;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Live fan-out. Every event of a session is published to the Redis channel {@code lv:study:session:{id}}; every
 * instance holds one pattern subscription and delivers what arrives to its own connections of that session, so
 * clients on different instances see the same session live. The same subscription relays document-service's
 * {@code user-events:{userId}} messages ({@code document.progress}) to that user's connections.
 * <p>
 * Redis down (publish fails, or this instance's subscription is not known to work): events are delivered to
 * this instance's connections directly; clients elsewhere catch up with the polling endpoint. A probe published
 * on every tick proves the subscription still receives; a silent one is replaced.
 */
@ApplicationScoped
public class SessionEvents {

    private static final Logger LOG = Logger.getLogger(SessionEvents.class);
    private static final long PROBE_STALE_MS = 15_000;

    private final ReactiveRedisDataSource reactiveRedis;
    private final BestEffortRedis redis;
    private final ConnectionRegistry connections;
    private final String probeChannel;
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;
    private volatile long lastProbeReceived;
    private volatile boolean stopping;

    SessionEvents(ReactiveRedisDataSource reactiveRedis, BestEffortRedis redis, ConnectionRegistry connections) {
        this.reactiveRedis = reactiveRedis;
        this.redis = redis;
        this.connections = connections;
        this.probeChannel = RedisKeys.PREFIX + "session:probe-" + connections.instanceId();
    }

    void start(@Observes StartupEvent event) {
        subscribe();
    }

    /** Publishes an event of a session to every instance (or delivers it here when Redis is unusable). */
    public void publish(UUID sessionId, Object event) {
        String json = Json.write(event);
        boolean published = subscribed() && redis.run("session event publish",
                r -> r.pubsub(String.class).publish(RedisKeys.sessionChannel(sessionId), json));
        if (!published) {
            LOG.debugf("Session %s event delivered on this instance only (fan-out through Redis unavailable)", sessionId);
            deliverToSession(sessionId, json);
        }
    }

    /** Sends an event to one connection only (replies to its own requests: errors, pong). */
    public void sendTo(WebSocketConnection connection, Object event) {
        send(connection, Json.write(event));
    }

    /** Whether the fan-out currently goes through Redis. */
    public boolean subscribed() {
        return subscriber != null && System.currentTimeMillis() - lastProbeReceived < PROBE_STALE_MS;
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        if (subscriber != null && !subscribed()) {
            LOG.warn("Redis subscription stopped receiving; subscribing again");
            drop();
        }
        if (subscriber == null) {
            subscribe();
        }
        if (subscriber != null) {
            redis.run("fan-out probe", r -> r.pubsub(String.class).publish(probeChannel, "probe"));
        }
    }

    private synchronized void subscribe() {
        if (subscriber != null) {
            return;
        }
        try {
            subscriber = reactiveRedis.pubsub(String.class)
                    .subscribeToPatterns(List.of(RedisKeys.SESSION_CHANNELS, RedisKeys.USER_CHANNELS),
                            this::onMessage, this::onEnd, this::onFailure)
                    .await().atMost(Duration.ofSeconds(3));
            lastProbeReceived = System.currentTimeMillis();
            LOG.debug("Subscribed to the session and user channels");
        } catch (RuntimeException e) {
            subscriber = null;
            LOG.warnf("Redis pub/sub unavailable, delivering events locally only: %s", e.toString());
        }
    }

    private void onMessage(String channel, String payload) {
        UUID sessionId = RedisKeys.sessionOfChannel(channel);
        if (sessionId != null) {
            deliverToSession(sessionId, payload);
            return;
        }
        if (probeChannel.equals(channel)) {
            lastProbeReceived = System.currentTimeMillis();
            return;
        }
        UUID userId = RedisKeys.userOfChannel(channel);
        if (userId != null && isProgress(payload)) {
            for (ConnectionRegistry.Live live : connections.ofUser(userId)) {
                send(live.connection(), payload);
            }
        }
    }

    /** Relays only well-formed progress messages (anything else on the user channel is not for clients). */
    private static boolean isProgress(String payload) {
        try {
            JsonNode node = Json.mapper().readTree(payload);
            return node != null && node.isObject() && "document.progress".equals(node.path("type").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private void deliverToSession(UUID sessionId, String json) {
        for (ConnectionRegistry.Live live : connections.ofSession(sessionId)) {
            send(live.connection(), json);
        }
    }

    private static void send(WebSocketConnection connection, String json) {
        if (connection.isOpen()) {
            connection.sendText(json).subscribe().with(ok -> {
            }, failure -> LOG.debugf("Could not send to connection %s: %s", connection.id(), failure.toString()));
        }
    }

    private void onEnd() {
        if (!stopping) {
            LOG.warn("Redis subscription ended");
        }
        subscriber = null;
    }

    private void onFailure(Throwable failure) {
        LOG.warnf("Redis subscription failed: %s", failure.toString());
        subscriber = null;
    }

    private void drop() {
        ReactivePubSubCommands.ReactiveRedisSubscriber current = subscriber;
        subscriber = null;
        if (current != null) {
            current.unsubscribe().subscribe().with(ok -> {
            }, failure -> LOG.debugf("unsubscribe failed: %s", failure.toString()));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        drop();
    }
}
