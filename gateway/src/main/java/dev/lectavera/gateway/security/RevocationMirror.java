package dev.lectavera.gateway.security;

import dev.lectavera.contracts.revocation.RevocationKeys;
import dev.lectavera.contracts.revocation.RevocationList;
import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.config.RevocationsConfig;
import dev.lectavera.gateway.log.ThrottledWarning;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyScanCursor;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's copy of the revocation list ({@link RevocationList}, libs/contracts), so that the edge refuses a
 * revoked token without a Redis call per request. The same contract as the services' mirror (libs/service-kit), on
 * the gateway's own Redis client: subscribed to {@code lv:revocations} first, then every {@code lv:revoked*} key loaded
 * with its remaining life — on start and after every (re)subscription, so a notice missed while disconnected is found
 * as a key (a load asked for while one runs follows it; a failed one is tried again after {@code resubscribe-delay}
 * while subscribed) — and again every {@code gateway.revocations.reload-interval}, for a notice lost on a connection
 * that looked healthy. Redis down: what was known stays in force, one warning per {@code gateway.redis.warning-interval},
 * and the subscription is tried again every {@code resubscribe-delay}.
 */
@ApplicationScoped
public class RevocationMirror {

    private static final Logger LOG = Logger.getLogger(RevocationMirror.class);
    private static final int SCAN_PAGE = 1000;

    /** One subscribing connection; a replaced or ended one is never used again. */
    private final class Subscriber {
        private RedisConnection connection;
        private volatile boolean confirmed;
        private volatile boolean over;

        void open() {
            redis.connect().onComplete(connected -> {
                if (connected.failed()) {
                    end(connected.cause());
                    return;
                }
                connection = connected.result();
                // handlers first: the confirmation may come back before the SUBSCRIBE's own future completes
                connection.handler(this::onPush);
                connection.endHandler(ignored -> end(null));
                connection.exceptionHandler(this::end);
                RedisAPI.api(connection).subscribe(List.of(RevocationKeys.CHANNEL)).onFailure(this::end);
            });
        }

        private void onPush(Response push) {
            if (over || push == null || push.size() < 3) {
                return;
            }
            switch (push.get(0).toString().toLowerCase(Locale.ROOT)) {
                case "message" -> list.applyMessage(push.get(2).toString());
                case "subscribe" -> {
                    confirmed = true;
                    LOG.debug("Subscribed to revocation notices; loading the revocation list");
                    reload(); // everything revoked before now is a key, everything after arrives here
                }
                default -> {
                }
            }
        }

        private synchronized void end(Throwable cause) {
            if (over) {
                return;
            }
            over = true;
            if (connection != null) {
                connection.close();
            }
            if (!stopping) {
                outage.warn("Revocation notices not received; the last known revocations stay in force", cause);
                vertx.setTimer(Math.max(1, config.resubscribeDelay().toMillis()), id -> subscribe());
            }
        }
    }

    private final Redis redis;
    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;
    private final Vertx vertx;
    private final RevocationList list = new RevocationList();
    private final ThrottledWarning outage;
    private final RevocationsConfig config;
    private volatile Subscriber current;
    private volatile boolean stopping;
    private long periodicReload = -1;

    RevocationMirror(Redis redis, ReactiveRedisDataSource dataSource, Vertx vertx, GatewayConfig gateway,
                     RevocationsConfig config) {
        this.redis = redis;
        this.keys = dataSource.key(String.class);
        this.values = dataSource.value(String.class);
        this.vertx = vertx;
        this.outage = new ThrottledWarning(LOG, gateway.redis().warningInterval());
        this.config = config;
    }

    /** Subscribes (which loads the list once confirmed) and schedules the safety-net reload. */
    void start(@Observes StartupEvent event) {
        periodicReload = vertx.setPeriodic(config.reloadInterval().toMillis(), id -> reload());
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(periodicReload);
        Subscriber last = current;
        if (last != null) {
            last.end(null);
        }
    }

    /** Whether a verified token is void: its {@code jti} revoked, or issued before its user's mark. No I/O. */
    public boolean isRevoked(VerifiedToken token) {
        return list.isRevoked(token.tokenId(), token.subject(), token.issuedAtSeconds());
    }

    /** Whether revocation notices currently arrive; when not, the last known list is still in force. */
    public boolean subscribed() {
        Subscriber s = current;
        return s != null && s.confirmed && !s.over;
    }

    private void subscribe() {
        if (stopping) {
            return;
        }
        Subscriber next = new Subscriber();
        current = next;
        next.open();
    }

    void reload() {
        RevocationList.Load load = stopping ? null
                : list.tryStartLoad(System.currentTimeMillis(), config.loadTimeout().toMillis());
        if (load == null) {
            return;
        }
        ReactiveKeyScanCursor<String> cursor = keys.scan(new KeyScanArgs().match(RevocationKeys.SCAN_PATTERN).count(SCAN_PAGE));
        loadPages(cursor, load).subscribe().with(
                done -> {
                    if (list.finish(load, System.currentTimeMillis())) {
                        reload(); // asked for while this one ran (a new subscription): it must see Redis as it is now
                    }
                },
                failure -> {
                    list.abandonLoad();
                    outage.warn("Revocation list not reloaded from Redis; the last known revocations stay in force", failure);
                    retryWhileSubscribed();
                });
    }

    /**
     * A load failed while notices arrive (a pooled connection that did not survive a Redis restart, say): what was
     * missed must not wait for the periodic reload. Without a subscription the resubscription's load does it.
     */
    private void retryWhileSubscribed() {
        if (subscribed() && !stopping) {
            vertx.setTimer(Math.max(1, config.resubscribeDelay().toMillis()), id -> reload());
        }
    }

    private Uni<Void> loadPages(ReactiveKeyScanCursor<String> cursor, RevocationList.Load load) {
        if (!cursor.hasNext()) {
            return Uni.createFrom().voidItem();
        }
        return cursor.next().chain(page -> loadPage(page, load)).chain(() -> loadPages(cursor, load));
    }

    /** The page's values in one MGET and each key's remaining life (PTTL; a key gone meanwhile is skipped). */
    private Uni<Void> loadPage(Set<String> page, RevocationList.Load load) {
        if (page.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> names = List.copyOf(page);
        Uni<Map<String, String>> found = values.mget(names.toArray(String[]::new));
        Uni<List<Long>> lives = Uni.join().all(names.stream().map(this::remainingLife).toList()).andFailFast();
        return Uni.combine().all().unis(found, lives).asTuple().invoke(both -> {
            long now = System.currentTimeMillis();
            for (int i = 0; i < names.size(); i++) {
                load.add(names.get(i), both.getItem1().get(names.get(i)), both.getItem2().get(i), now);
            }
        }).replaceWithVoid();
    }

    private Uni<Long> remainingLife(String key) {
        return keys.pttl(key).onFailure(RedisKeyNotFoundException.class).recoverWithItem(-2L);
    }
}
