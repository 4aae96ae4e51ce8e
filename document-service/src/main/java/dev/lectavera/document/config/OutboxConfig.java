package dev.lectavera.document.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The relay publishing outbox rows to Kafka (a commit also wakes it; the tick is the safety net). */
@ConfigMapping(prefix = "lectavera.outbox")
public interface OutboxConfig {

    @WithDefault("5s")
    Duration relayInterval();

    @WithDefault("100")
    int batchSize();

    /** The broker the relay's producer talks to: the one every Kafka client of the service uses. */
    @WithDefault("${kafka.bootstrap.servers}")
    String kafkaBootstrapServers();
}
