package dev.lectavera.auth.event;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.model.OutboxEvent;
import dev.lectavera.auth.repository.OutboxEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in creation order, waits for the broker's acks, then stamps them published.
 * Runs on its own thread, triggered after each commit that wrote an event and on a short tick (safety net after
 * a crash or a Kafka outage). Requests never wait for Kafka; an outage only delays events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration ACK_WAIT = Duration.ofSeconds(20);

    private final OutboxEventRepository outbox;
    private final Clock clock;
    private final String bootstrapServers;
    private final Map<String, Object> kafkaSecurity;
    private final int batchSize;
    /** One relay pass at a time per instance; other instances are kept apart by SKIP LOCKED. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private volatile Producer<String, String> producer;

    OutboxRelay(OutboxEventRepository outbox, Clock clock, AuthConfig config,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.outbox = outbox;
        this.clock = clock;
        this.bootstrapServers = config.outbox().bootstrapServers();
        this.kafkaSecurity = securitySettings(kafkaConfig);
        this.batchSize = config.outbox().batchSize();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        trigger();
    }

    @Scheduled(every = "{lectavera.auth.outbox.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        trigger();
    }

    /** Queues one pass unless one is already queued (triggers arriving meanwhile are served by it). */
    public void trigger() {
        if (passQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    passQueued.set(false);
                    relayPending();
                });
            } catch (RuntimeException rejectedAtShutdown) {
                passQueued.set(false);
            }
        }
    }

    void relayPending() {
        try {
            boolean more = true;
            while (more) {
                more = QuarkusTransaction.requiringNew().call(this::relayOneBatch);
            }
        } catch (RuntimeException e) {
            LOG.errorf("Outbox relay pass failed, retrying on the next tick: %s", e.toString());
        }
    }

    /** @return whether another batch may be waiting */
    private boolean relayOneBatch() {
        List<OutboxEvent> batch = outbox.lockUnpublishedBatch(batchSize);
        if (batch.isEmpty()) {
            return false;
        }
        // The first record alone probes the broker: when Kafka is down, one failure ends the pass instead of
        // each record of the batch waiting for its own timeout.
        if (!publish(batch.getFirst(), send(batch.getFirst()))) {
            return false;
        }
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        for (OutboxEvent event : batch.subList(1, batch.size())) {
            pending.add(send(event));
        }
        boolean allPublished = true;
        for (int i = 0; i < pending.size(); i++) {
            allPublished &= publish(batch.get(i + 1), pending.get(i));
        }
        return allPublished && batch.size() == batchSize;
    }

    private Future<RecordMetadata> send(OutboxEvent event) {
        try {
            return producer().send(new ProducerRecord<>(event.getTopic(), event.getRecordKey(), event.getEnvelope()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean publish(OutboxEvent event, Future<RecordMetadata> ack) {
        try {
            ack.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            event.markPublished(clock.instant());
            return true;
        } catch (ExecutionException e) {
            fail(event, e.getCause());
        } catch (TimeoutException e) {
            fail(event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(event, e);
        }
        return false;
    }

    private void fail(OutboxEvent event, Throwable cause) {
        event.markFailed(cause == null ? null : cause.toString());
        LOG.warnf("Outbox event %s (%s) not published yet (attempt %d): %s", event.getId(), event.getEventType(),
                event.getAttempts(), String.valueOf(cause));
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(producerConfig(bootstrapServers, kafkaSecurity), new StringSerializer(), new StringSerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    /** The outbox producer's settings: its own, plus the security settings of the service's Kafka configuration. */
    static Properties producerConfig(String bootstrapServers, Map<String, Object> kafkaSecurity) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "auth-service-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        config.putAll(kafkaSecurity);
        return config;
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
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Producer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
