package dev.lectavera.quiz.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code lectavera.outbox.*}: the relay that publishes the outbox to Kafka. */
@ConfigMapping(prefix = "lectavera.outbox")
public interface OutboxConfig {

    /** The safety-net tick (the relay also runs right after every commit that wrote an event). */
    @WithDefault("5s")
    Duration relayInterval();

    /** Kafka bootstrap servers of the relay's producer (application.properties: {@code kafka.bootstrap.servers}). */
    String bootstrapServers();

    /** Events published per round. */
    @WithDefault("100")
    int batchSize();
}
