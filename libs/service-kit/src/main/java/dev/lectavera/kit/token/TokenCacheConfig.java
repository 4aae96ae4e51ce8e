package dev.lectavera.kit.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "lectavera.token-cache")
public interface TokenCacheConfig {

    /** How long a verified token is remembered (never past its own {@code exp}); revocation is checked every time. */
    @WithDefault("60s")
    Duration ttl();

    /** Upper bound of remembered tokens; beyond it a new token is verified every time until entries expire. */
    @WithDefault("10000")
    int maxEntries();
}
