package dev.lectavera.kit.revocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "lectavera.revocation")
public interface RevocationConfig {

    /**
     * The safety net under the subscription: how often the whole revocation list is loaded from Redis again. A notice
     * lost on the way (pub/sub delivers at most once) is honoured at the latest this long after it was written.
     */
    @WithDefault("60s")
    Duration reloadInterval();

    /** How soon a lost (or never made) subscription to {@code lv:revocations} is tried again. */
    @WithDefault("250ms")
    Duration resubscribeDelay();

    /** Longest a full load may take before the next one may start (Redis hanging rather than refusing). */
    @WithDefault("10s")
    Duration loadTimeout();
}
