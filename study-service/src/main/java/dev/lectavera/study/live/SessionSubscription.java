package dev.lectavera.study.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.model.Json;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * This instance's one Redis pattern subscription (one connection for all sessions), and what it hands on: a
 * session channel's message to this instance's connections of the session ({@link LiveDelivery}), document-service's
 * {@code user-events:{userId}} messages ({@code document.progress}) to the user's connections, auth-service's
 * revocation notices ({@code lv:revocations}) to {@link SocketRevocations}, which closes the sockets they void.
 * <p>
 * Every tick the subscription is checked: a missing one is made again (so after a Redis restart every instance is
 * back within about a tick), and a probe published to this instance's own channel must come back through it within
 * the probe timeout, or it is replaced. While it is not known to work, {@link #subscribed()} says so and the
 * publisher delivers locally. Callbacks of a replaced attempt are ignored: a late "ended" of an old one can never
 * switch off its successor.
 */
@ApplicationScoped
public class SessionSubscription {

    private static final Logger LOG = Logger.getLogger(SessionSubscription.class);
    /** Patterns of the subscription: session channels, user channels, the revocation channel. */
    private static final int PATTERNS = 3;

    /** One subscription attempt and, once Redis confirmed every pattern, the live subscription. */
    static final class Attempt {
        final long startedAt;
        /** The connection given to this attempt (its own: pub/sub taints a connection for anything else). */
        volatile RedisConnection connection;
        /** Patterns Redis has confirmed; touched on the connection's event loop only. */
        int patternsConfirmed;
        volatile boolean live;
        volatile boolean closed;
        private boolean connectionClosed;
        /** When the oldest probe not yet seen back was published; 0 when none is outstanding. */
        volatile long probeOutstandingSince;

        Attempt(long startedAt) {
            this.startedAt = startedAt;
        }

        boolean confirmed() {
            return live && !closed;
        }

        /** Closes the connection once, whoever gets here first (a tick giving up, or the connect callback). */
        synchronized void closeConnection() {
            RedisConnection open = connection;
            if (open != null && !connectionClosed) {
                connectionClosed = true;
                // tainted by pub/sub: closing it ends the subscription, and the pool discards it
                open.close().onFailure(failure -> LOG.debugf("closing the subscription failed: %s", failure.toString()));
            }
        }
    }

    private final Redis redisClient;
    private final BestEffortRedis redis;
    private final LiveDelivery delivery;
    private final SocketRevocations revocations;
    private final long probeTimeoutMs;
    private final long subscribeTimeoutMs;
    private final String probeChannel;
    private volatile Attempt current;
    private volatile boolean unavailableLogged;
    private volatile boolean stopping;

    SessionSubscription(Redis redisClient, BestEffortRedis redis, LiveDelivery delivery,
                        ConnectionRegistry connections, SocketRevocations revocations, StudyConfig config) {
        this.redisClient = redisClient;
        this.redis = redis;
        this.delivery = delivery;
        this.revocations = revocations;
        this.probeTimeoutMs = config.fanOut().probeTimeout().toMillis();
        this.subscribeTimeoutMs = config.fanOut().subscribeTimeout().toMillis();
        this.probeChannel = RedisKeys.PREFIX + "session:probe-" + connections.instanceId();
    }

    void start(@Observes StartupEvent event) {
        subscribe();
    }

    /** Whether the fan-out currently goes through Redis: subscribed, and no probe overdue. */
    public boolean subscribed() {
        Attempt s = current;
        if (s == null || !s.confirmed()) {
            return false;
        }
        long outstanding = s.probeOutstandingSince;
        return outstanding == 0 || System.currentTimeMillis() - outstanding <= probeTimeoutMs;
    }

    @Scheduled(every = "${lectavera.study.fan-out.tick:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        if (stopping) {
            return;
        }
        long now = System.currentTimeMillis();
        Attempt s = current;
        if (s == null || s.closed) {
            subscribe();
            return;
        }
        if (!s.confirmed()) {
            if (now - s.startedAt > subscribeTimeoutMs) {
                LOG.warn("Redis subscription not confirmed in time; trying again");
                replace(s);
            }
            return;
        }
        long outstanding = s.probeOutstandingSince;
        if (outstanding != 0 && now - outstanding > probeTimeoutMs) {
            LOG.warn("Redis subscription stopped receiving (probe not back); subscribing again");
            replace(s);
            return;
        }
        probe(s, now);
    }

    private void probe(Attempt s, long now) {
        if (s.probeOutstandingSince == 0) {
            s.probeOutstandingSince = now;
        }
        // Not through BestEffortRedis: its cool-down after an unrelated failure must not silence the probe. A probe
        // that could not be published proves nothing either way, so it is not awaited.
        redisClient.send(Request.cmd(Command.PUBLISH).arg(probeChannel).arg("probe")).onFailure(failure -> {
            if (s.probeOutstandingSince == now) {
                s.probeOutstandingSince = 0;
            }
            LOG.debugf("Fan-out probe not published: %s", failure.toString());
        });
    }

    private synchronized void replace(Attempt old) {
        if (current == old) {
            close(old);
            current = null;
            subscribe();
        }
    }

    /**
     * Starts a subscription attempt unless one is under way; never blocks (the callbacks complete it).
     * <p>
     * On the Vert.x Redis connection itself rather than Quarkus' pub/sub subscriber: that one sends PSUBSCRIBE first
     * and sets the connection's handler only once the send has completed, so under load Redis' confirmations can
     * arrive before there is a handler ("No handler waiting for message") and the attempt never completes. Here the
     * handler is in place before anything is sent, and messages are handled on the connection's event loop with
     * no further hop.
     */
    private synchronized void subscribe() {
        if (stopping || (current != null && !current.closed)) {
            return;
        }
        Attempt s = new Attempt(System.currentTimeMillis());
        current = s;
        redisClient.connect().onComplete(connected -> {
            if (connected.failed()) {
                onFailure(s, connected.cause());
                return;
            }
            RedisConnection connection = connected.result();
            s.connection = connection; // before reading `closed`: a concurrent close sees it, or we see theirs
            if (s.closed) {
                s.closeConnection(); // given up on while connecting
                return;
            }
            connection.handler(reply -> onReply(s, reply));
            connection.endHandler(ended -> onEnd(s));
            connection.exceptionHandler(failure -> onFailure(s, failure));
            connection.send(Request.cmd(Command.PSUBSCRIBE).arg(RedisKeys.SESSION_CHANNELS).arg(RedisKeys.USER_CHANNELS)
                            .arg(RedisKeys.REVOCATIONS))
                    .onFailure(failure -> onFailure(s, failure));
        });
    }

    /** What arrives on the subscription's connection: the confirmation of each pattern, then the messages. */
    private void onReply(Attempt s, Response reply) {
        if (reply == null || reply.size() < 3) {
            return;
        }
        String kind = reply.get(0).toString();
        if ("pmessage".equalsIgnoreCase(kind) && reply.size() >= 4) {
            onMessage(s, reply.get(2).toString(), reply.get(3).toString());
        } else if ("psubscribe".equalsIgnoreCase(kind) && ++s.patternsConfirmed == PATTERNS) {
            subscribed(s);
        }
    }

    private void subscribed(Attempt s) {
        if (s.closed || current != s) {
            // given up on meanwhile (or replaced): do not keep a second subscription (and its connection)
            close(s);
            return;
        }
        s.live = true;
        // Redis just confirmed a subscription: publishes need not wait for the cool-down of an earlier failure
        redis.answered();
        // revocations published while there was no subscription were missed: each open socket is checked again
        revocations.recheckAll();
        if (unavailableLogged) {
            LOG.info("Redis pub/sub is back: fan-out across instances resumed");
            unavailableLogged = false;
        } else {
            LOG.debug("Subscribed to the session and user channels");
        }
    }

    private void onMessage(Attempt s, String channel, String payload) {
        if (current != s) {
            return; // a replaced subscription still draining: its successor delivers
        }
        UUID sessionId = RedisKeys.sessionOfChannel(channel);
        if (sessionId != null) {
            delivery.toSession(sessionId, payload);
            return;
        }
        if (probeChannel.equals(channel)) {
            s.probeOutstandingSince = 0;
            return;
        }
        if (RedisKeys.REVOCATIONS.equals(channel)) {
            revocations.onNotice(payload);
            return;
        }
        UUID userId = RedisKeys.userOfChannel(channel);
        if (userId != null && isProgress(payload)) {
            delivery.toUser(userId, payload);
        }
    }

    private void onEnd(Attempt s) {
        if (current == s && !stopping) {
            LOG.warn("Redis subscription ended; subscribing again on the next tick");
        }
        ended(s);
    }

    private void onFailure(Attempt s, Throwable failure) {
        if (current == s && !stopping) {
            if (unavailableLogged) {
                LOG.debugf("Redis pub/sub still unavailable: %s", failure.toString());
            } else {
                LOG.warnf("Redis pub/sub unavailable, delivering events locally only: %s", failure.toString());
                unavailableLogged = true;
            }
        }
        ended(s);
    }

    private synchronized void ended(Attempt s) {
        close(s);
        if (current == s) {
            current = null;
        }
    }

    private static void close(Attempt s) {
        s.closed = true;
        s.closeConnection();
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

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        Attempt s = current;
        current = null;
        if (s != null) {
            close(s);
        }
    }
}
