package dev.lectavera.outbox;

import dev.lectavera.outbox.OutboxStore.PendingEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka. The one ordering rule: rows go in creation order, each stamped published once the
 * broker acknowledged it (acks=all, idempotent producer); the first failed send is recorded on its row (attempts,
 * last_error) and ends the batch, so no later event of the same aggregate overtakes it; the next pass retries from
 * there. A batch is locked with {@code FOR UPDATE SKIP LOCKED}: several instances never send the same row at once.
 * Runs on its own thread, woken after each commit that wrote an event and by a safety-net tick (after a crash or a
 * Kafka outage). Requests never wait for Kafka; an outage only delays events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final OutboxStore store;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaSecurity;
    private final CoalescingTrigger trigger;
    private volatile boolean started;
    private volatile Producer<String, String> producer;

    OutboxRelay(DataSource dataSource, OutboxStore store, OutboxConfig config,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.dataSource = dataSource;
        this.store = store;
        this.config = config;
        this.kafkaSecurity = securitySettings(kafkaConfig);
        this.trigger = new CoalescingTrigger("outbox-relay", this::relayPending);
    }

    /** After {@link OutboxSchema} (which observes with an earlier priority) made the tables. */
    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            started = true;
            trigger.fire(); // whatever a previous run left unpublished
            trigger.fireEvery(config.pollInterval());
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        trigger();
    }

    /** Queues one relay pass on the relay's thread (no-op when the relay does not run here). */
    public void trigger() {
        if (started) {
            trigger.fire();
        }
    }

    /** Relays batches until the outbox is drained or a send failed (the next trigger or tick retries). */
    void relayPending() {
        try {
            boolean more = true;
            while (more) {
                more = relayBatch();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Outbox relay pass failed, retrying on the next tick: %s", e.toString());
        }
    }

    /** @return whether another batch may be waiting: every row of a full batch was published */
    boolean relayBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<PendingEvent> batch = store.lockUnpublished(c, config.batchSize());
                int published = publishInOrder(c, batch);
                c.commit();
                return !batch.isEmpty() && published == config.batchSize();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** @return how many rows from the start of the batch were published (all of them unless a send failed) */
    private int publishInOrder(Connection c, List<PendingEvent> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        // The first record alone probes the broker: when Kafka is down one failure ends the pass, instead of
        // every record of the batch waiting out its own timeout.
        if (!acknowledged(c, batch.getFirst(), send(batch.getFirst()))) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size() - 1);
        for (PendingEvent event : batch.subList(1, batch.size())) {
            acks.add(send(event));
        }
        int published = 1;
        for (int i = 0; i < acks.size(); i++) {
            if (!acknowledged(c, batch.get(i + 1), acks.get(i))) {
                // Later rows stay unpublished even if their sends succeed: they go again after this one
                // (consumers are idempotent), never before it.
                break;
            }
            published++;
        }
        return published;
    }

    private Future<RecordMetadata> send(PendingEvent event) {
        try {
            return producer().send(record(event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stamps the row published once the broker acknowledged it, or records the failure; true when published. */
    private boolean acknowledged(Connection c, PendingEvent event, Future<RecordMetadata> ack) throws SQLException {
        Throwable failure;
        try {
            ack.get(config.ackWait().toMillis(), TimeUnit.MILLISECONDS);
            store.markPublished(c, event.id());
            return true;
        } catch (ExecutionException e) {
            failure = e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        }
        store.markFailed(c, event.id(), failure.toString());
        LOG.warnf("Outbox event %s (%s) not published yet, kept for a retry: %s", event.id(), event.eventType(),
                failure.toString());
        return false;
    }

    /** The record of a row: key = aggregate id, value = the envelope byte for byte, trace context as a header. */
    static ProducerRecord<String, String> record(PendingEvent event) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(event.topic(), event.recordKey(), event.envelope());
        if (event.traceparent() != null) {
            record.headers().add(Traceparent.HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(producerProperties(config.bootstrapServers(), config.clientId(),
                            kafkaSecurity), new StringSerializer(), new StringSerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    /** The relay producer's settings: its own, plus the security settings of the service's Kafka configuration. */
    static Properties producerProperties(String bootstrapServers, String clientId, Map<String, Object> kafkaSecurity) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A send fails within seconds when the broker is away: the row records it and the relay moves on.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.putAll(kafkaSecurity);
        return properties;
    }

    /**
     * The TLS and SASL settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) of Quarkus' Kafka
     * configuration ({@code kafka.*} properties and {@code KAFKA_*} variables): this hand-built producer connects
     * the way the messaging channels and the health check do, SASL/SCRAM included (deploy/README.md).
     */
    static Map<String, Object> securitySettings(Map<String, Object> kafkaConfig) {
        Map<String, Object> security = new TreeMap<>();
        kafkaConfig.forEach((key, value) -> {
            boolean secures = key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.");
            if (secures && value != null && !value.toString().isBlank()) {
                security.put(key, value);
            }
        });
        return security;
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        trigger.close();
        Producer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
