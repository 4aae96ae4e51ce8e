package dev.lectavera.study.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The relay publishing outbox rows to Kafka (a commit wakes it; the tick is the safety net). */
@ConfigMapping(prefix = "lectavera.outbox")
public interface OutboxConfig {

    @WithDefault("5s")
    Duration relayInterval();

    @WithDefault("100")
    int batchSize();
}
