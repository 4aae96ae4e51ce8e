package dev.lectavera.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code lectavera.outbox.*}: every key has a default, so a service sets none of them. */
@ConfigMapping(prefix = "lectavera.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of the events this service writes, e.g. {@code /auth-service}. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /** Whether this instance runs the relay; off in a service that only consumes (analytics-service). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events one relay pass locks and sends in one database transaction. */
    @WithDefault("100")
    int batchSize();

    /** The safety-net tick (a commit that wrote an event wakes the relay at once). */
    @WithDefault("5s")
    Duration pollInterval();

    /** The broker the relay's producer talks to: the one every Kafka client of the service uses. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** How long the relay waits for the broker's acknowledgement of one event before it counts as failed. */
    @WithDefault("20s")
    Duration ackWait();

    /** The producer's {@code client.id}, as the broker's logs and quotas see it. */
    @WithDefault("${quarkus.application.name}-outbox")
    String clientId();
}
