package dev.lectavera.kit.revocation;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Is this access token revoked? One Redis round trip ({@code MGET} of the token's {@code lv:revoked:{jti}} and the
 * user's {@code lv:revoked-before:{userId}} mark). Redis is an enhancement here as at the gateway: when it is down
 * or slow the answer is "not revoked" (logged, at most once per 30 s), since an access token lives 15 minutes.
 */
@ApplicationScoped
public class RevocationCheck {

    private static final Logger LOG = Logger.getLogger(RevocationCheck.class);
    private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();

    private final ReactiveValueCommands<String, String> values;
    private final Duration timeout;
    private final AtomicLong lastWarningNanos = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

    RevocationCheck(ReactiveRedisDataSource redis, RevocationConfig config) {
        this.values = redis.value(String.class);
        this.timeout = config.redisTimeout();
    }

    /** Emits true when the token is on the revocation list or issued before its user's mark; never fails. */
    public Uni<Boolean> isRevoked(String jti, String userId, long issuedAtSeconds) {
        if (jti == null || userId == null) {
            return Uni.createFrom().item(true);
        }
        String tokenKey = RevocationKeys.revokedToken(jti);
        String markKey = RevocationKeys.revokedBefore(userId);
        return values.mget(tokenKey, markKey)
                .ifNoItem().after(timeout).fail()
                .map(found -> revoked(found, tokenKey, markKey, issuedAtSeconds))
                .onFailure().recoverWithItem(failure -> {
                    warn(failure);
                    return false;
                });
    }

    /** Blocking form, for code already on a worker thread (e.g. a WebSocket open). */
    public boolean isRevokedNow(String jti, String userId, long issuedAtSeconds) {
        return isRevoked(jti, userId, issuedAtSeconds).await().indefinitely();
    }

    static boolean revoked(Map<String, String> found, String tokenKey, String markKey, long issuedAtSeconds) {
        if (found == null) {
            return false;
        }
        if (found.get(tokenKey) != null) {
            return true;
        }
        String mark = found.get(markKey);
        if (mark == null) {
            return false;
        }
        try {
            return issuedAtSeconds < Long.parseLong(mark.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void warn(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarningNanos.compareAndSet(last, now)) {
            LOG.warnf("Redis unavailable, token revocation not checked (tokens live until they expire): %s",
                    failure.toString());
        }
    }
}
