package dev.lectavera.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The in-memory mirror of the revocation list (security/RevocationMirror). */
@ConfigMapping(prefix = "gateway.revocations")
public interface RevocationsConfig {

    /**
     * How often the whole list is loaded from Redis again, besides after every (re)subscription: the bound on how late
     * a revocation whose notice was lost (pub/sub is at-most-once) is honoured.
     */
    @WithDefault("60s")
    Duration reloadInterval();

    /** How soon a lost (or never made) subscription to {@code lv:revocations} is tried again. */
    @WithDefault("250ms")
    Duration resubscribeDelay();

    /** Longest a full load may run before the next one may start (Redis hanging rather than refusing). */
    @WithDefault("10s")
    Duration loadTimeout();
}
