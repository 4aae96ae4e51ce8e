package dev.lectavera.kit.revocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "lectavera.revocation")
public interface RevocationConfig {

    /** How long a revocation check waits for Redis before answering "not revoked" (and logging). */
    @WithDefault("500ms")
    Duration redisTimeout();
}
