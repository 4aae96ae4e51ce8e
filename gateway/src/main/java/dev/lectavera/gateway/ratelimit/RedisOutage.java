package dev.lectavera.gateway.ratelimit;

import dev.lectavera.gateway.log.ThrottledWarning;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether Redis is worth asking: after a failure the request path stays on the in-memory fallback for
 * {@code retryAfter} without waiting on Redis, then exactly one caller probes it again. Logs the outage (throttled)
 * and the recovery (once).
 */
final class RedisOutage {

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class);

    private final long retryAfterNanos;
    private final ThrottledWarning warning;
    /** 0 while Redis is believed up; otherwise the nanoTime until which the fallback is used without asking Redis. */
    private final AtomicLong downUntil = new AtomicLong();

    RedisOutage(Duration retryAfter, Duration warningInterval) {
        this.retryAfterNanos = retryAfter.toNanos();
        this.warning = new ThrottledWarning(LOG, warningInterval);
    }

    /** True from a failure until Redis answers again (probes included). */
    boolean isDown() {
        return downUntil.get() != 0;
    }

    /** True while Redis is believed up; after an outage window exactly one caller gets to probe it. */
    boolean worthAsking() {
        long until = downUntil.get();
        if (until == 0) {
            return true;
        }
        long now = System.nanoTime();
        return now - until >= 0 && downUntil.compareAndSet(until, now + retryAfterNanos);
    }

    void failed(Throwable cause) {
        long until = System.nanoTime() + retryAfterNanos;
        downUntil.set(until == 0 ? 1 : until);
        warning.warn("Redis unavailable: rate limits are kept in this instance's memory until it is back", cause);
    }

    void answered() {
        if (downUntil.get() != 0 && downUntil.getAndSet(0) != 0) {
            LOG.info("Redis reachable again: the shared rate limits are back in use");
        }
    }
}
