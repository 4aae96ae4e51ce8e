package dev.lectavera.outbox;

import java.time.Duration;

/** An {@link OutboxConfig} built in a test, where no Quarkus configuration exists. */
record TestConfig(String bootstrapServers, int batchSize, Duration ackWait) implements OutboxConfig {

    static TestConfig kafka(String bootstrapServers) {
        return new TestConfig(bootstrapServers, 100, Duration.ofSeconds(20));
    }

    TestConfig withBatchSize(int size) {
        return new TestConfig(bootstrapServers, size, ackWait);
    }

    @Override
    public String source() {
        return "/outbox-test";
    }

    @Override
    public boolean relayEnabled() {
        return true;
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public String clientId() {
        return "outbox-test";
    }
}
