package dev.lectavera.auth.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Revoked access-token ids in Redis ({@code lv:revoked:{jti}} = "1", TTL until the token's expiry), shared with the
 * gateway. Redis is optional: when it is down, revoking is skipped (logged) and checks answer "not revoked", so a
 * logged-out token lives at most until its expiry (15 minutes).
 */
@ApplicationScoped
public class RevocationList {

    public static final String KEY_PREFIX = "lv:revoked:";
    private static final Logger LOG = Logger.getLogger(RevocationList.class);
    private static final Duration REDIS_WAIT = Duration.ofSeconds(1);
    /** During an outage every request would log the same warning; one per interval is enough. */
    private static final Duration WARNING_INTERVAL = Duration.ofSeconds(30);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final Clock clock;
    private final AtomicLong lastWarningNanos = new AtomicLong(System.nanoTime() - WARNING_INTERVAL.toNanos());

    RevocationList(ReactiveRedisDataSource redis, Clock clock) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.clock = clock;
    }

    /**
     * Blocking; never throws.
     *
     * @return whether Redis recorded the revocation
     */
    public boolean revoke(String jti, Instant expiresAt) {
        long ttlSeconds = Duration.between(clock.instant(), expiresAt).toSeconds() + 1;
        if (ttlSeconds <= 0) {
            return true; // already expired: nothing left to revoke
        }
        try {
            values.setex(KEY_PREFIX + jti, ttlSeconds, "1").await().atMost(REDIS_WAIT);
            return true;
        } catch (RuntimeException e) {
            // Always a warning: this token stays usable elsewhere until it expires.
            LOG.warnf("Redis unavailable, access token %s not put on the revocation list (it expires at %s): %s",
                    jti, expiresAt, e.toString());
            return false;
        }
    }

    public Uni<Boolean> isRevoked(String jti) {
        return keys.exists(KEY_PREFIX + jti)
                .ifNoItem().after(REDIS_WAIT).fail()
                .onFailure().recoverWithItem(failure -> {
                    if (shouldWarn()) {
                        LOG.warnf("Redis unavailable, revocation checks skipped (tokens live until they expire): %s",
                                failure.toString());
                    } else {
                        LOG.debugf("Redis unavailable, revocation of token %s not checked", jti);
                    }
                    return false;
                });
    }

    private boolean shouldWarn() {
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        return now - last >= WARNING_INTERVAL.toNanos() && lastWarningNanos.compareAndSet(last, now);
    }
}
