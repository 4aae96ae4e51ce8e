package dev.lectavera.kit.revocation;

import dev.lectavera.contracts.revocation.RevocationKeys;
import dev.lectavera.contracts.revocation.RevocationList;
import dev.lectavera.contracts.revocation.RevocationNotice;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This service's copy of the revocation list ({@link RevocationList}), kept in step with Redis so that no request
 * waits for Redis: subscribed to {@code lv:revocations} first, then every {@code lv:revoked*} key loaded (SCAN, with
 * each key's PTTL) — on start and after every (re)subscription, so a notice published while the subscription was
 * down is found as a key (a load asked for while one runs follows it; a failed one is tried again after
 * {@code resubscribe-delay} while subscribed). A full load also runs every {@code lectavera.revocation.reload-interval} in case a notice is
 * lost while the subscription looks healthy (pub/sub is at-most-once; a half-open connection notices nothing).
 * <p>
 * Redis down: the mirror keeps what it knew (a revocation already seen stays honoured), warns once per 30 s, and
 * subscribes again every {@code resubscribe-delay} until Redis answers.
 */
@ApplicationScoped
public class RevocationMirror {

    private static final Logger LOG = Logger.getLogger(RevocationMirror.class);
    private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int SCAN_COUNT = 1000;

    private final Redis redis;
    private final Vertx vertx;
    private final RevocationList list = new RevocationList();
    private final long reloadMillis;
    private final long resubscribeMillis;
    private final long loadTimeoutMillis;
    private final AtomicLong lastWarningNanos = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
    /** Each subscription attempt's number: callbacks of an older attempt are ignored. */
    private final AtomicLong attempts = new AtomicLong();
    private volatile RedisConnection subscription;
    private volatile boolean everLost;
    private volatile boolean stopping;
    private long reloadTimer = -1;

    RevocationMirror(Redis redis, Vertx vertx, RevocationConfig config) {
        this.redis = redis;
        this.vertx = vertx;
        this.reloadMillis = config.reloadInterval().toMillis();
        this.resubscribeMillis = Math.max(1, config.resubscribeDelay().toMillis());
        this.loadTimeoutMillis = config.loadTimeout().toMillis();
    }

    void start(@Observes StartupEvent event) {
        subscribe();
        reloadTimer = vertx.setPeriodic(reloadMillis, id -> reload());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(reloadTimer);
        RedisConnection open = subscription;
        subscription = null;
        if (open != null) {
            open.close();
        }
    }

    /** Whether a token is void: its {@code jti} revoked or issued before its user's mark. No I/O. */
    public boolean isRevoked(String jti, String userId, long issuedAtSeconds) {
        return list.isRevoked(jti, userId, issuedAtSeconds);
    }

    /** A revocation this process has just written to Redis (auth-service): honoured here before its notice is back. */
    public void apply(RevocationNotice notice) {
        list.apply(notice);
    }

    /** Whether notices currently arrive (subscribed); when not, the last known list is still in force. */
    public boolean subscribed() {
        return subscription != null;
    }

    public int revokedTokenCount() {
        return list.revokedTokenCount();
    }

    public int markCount() {
        return list.markCount();
    }

    private void subscribe() {
        if (stopping) {
            return;
        }
        long attempt = attempts.incrementAndGet();
        redis.connect().onComplete(connected -> {
            if (connected.failed()) {
                lost(attempt, null, connected.cause());
                return;
            }
            RedisConnection connection = connected.result();
            // The handlers before the command: Redis' confirmation may come back before send() completes.
            connection.handler(reply -> onReply(attempt, connection, reply));
            connection.endHandler(ended -> lost(attempt, connection, null));
            connection.exceptionHandler(failure -> lost(attempt, connection, failure));
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(RevocationKeys.CHANNEL))
                    .onFailure(failure -> lost(attempt, connection, failure));
        });
    }

    private void onReply(long attempt, RedisConnection connection, Response reply) {
        if (reply == null || reply.size() < 3 || attempt != attempts.get()) {
            return;
        }
        String kind = reply.get(0).toString();
        if ("message".equalsIgnoreCase(kind)) {
            list.applyMessage(reply.get(2).toString());
        } else if ("subscribe".equalsIgnoreCase(kind)) {
            subscription = connection;
            if (everLost) {
                LOG.info("Revocation notices arrive again; reloading the revocation list");
            }
            // Only now: whatever was revoked before this moment is a key the load finds, whatever after is a notice.
            reload();
        }
    }

    private void lost(long attempt, RedisConnection connection, Throwable failure) {
        if (!attempts.compareAndSet(attempt, attempt + 1) || stopping) {
            return; // an older attempt, or this one already handled
        }
        subscription = null;
        everLost = true;
        if (connection != null) {
            connection.close();
        }
        warn("Revocation notices not received (subscription lost); the last known revocations stay in force", failure);
        vertx.setTimer(resubscribeMillis, id -> subscribe());
    }

    private void reload() {
        RevocationList.Load load = stopping ? null : list.tryStartLoad(System.currentTimeMillis(), loadTimeoutMillis);
        if (load == null) {
            return;
        }
        scan("0", load).onComplete(done -> {
            if (done.failed()) {
                list.abandonLoad();
                warn("Revocation list not reloaded from Redis; the last known revocations stay in force", done.cause());
                retryWhileSubscribed();
                return;
            }
            boolean another = list.finish(load, System.currentTimeMillis());
            LOG.debugf("Revocation list loaded: %d keys", load.size());
            if (another) {
                reload(); // asked for while this one ran (a new subscription): it must see Redis as it is now
            }
        });
    }

    /**
     * A load failed while notices arrive (a pooled connection that did not survive a Redis restart, say): what was
     * missed must not wait for the periodic reload. Without a subscription the resubscription's load does it.
     */
    private void retryWhileSubscribed() {
        if (subscribed() && !stopping) {
            vertx.setTimer(resubscribeMillis, id -> reload());
        }
    }

    private Future<Void> scan(String cursor, RevocationList.Load load) {
        Request page = Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(RevocationKeys.SCAN_PATTERN)
                .arg("COUNT").arg(SCAN_COUNT);
        return redis.send(page).compose(found -> {
            String next = found.get(0).toString();
            return read(found.get(1), load).compose(ignored -> "0".equals(next) ? Future.<Void>succeededFuture() : scan(next, load));
        });
    }

    /** Each key's value and remaining life, in one pipelined batch per SCAN page. */
    private Future<Void> read(Response keys, RevocationList.Load load) {
        if (keys == null || keys.size() == 0) {
            return Future.succeededFuture();
        }
        List<Request> batch = new ArrayList<>(keys.size() * 2);
        for (Response key : keys) {
            batch.add(Request.cmd(Command.GET).arg(key.toString()));
            batch.add(Request.cmd(Command.PTTL).arg(key.toString()));
        }
        return redis.batch(batch).map(replies -> {
            long now = System.currentTimeMillis();
            for (int i = 0; i < keys.size(); i++) {
                Response value = replies.get(2 * i);
                Response ttl = replies.get(2 * i + 1);
                load.add(keys.get(i).toString(), value == null ? null : value.toString(), ttl == null ? -2 : ttl.toLong(), now);
            }
            return null;
        });
    }

    private void warn(String message, Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarningNanos.compareAndSet(last, now)) {
            LOG.warnf("%s: %s", message, failure == null ? "connection closed" : failure.toString());
        } else {
            LOG.debugf("%s: %s", message, failure);
        }
    }
}
