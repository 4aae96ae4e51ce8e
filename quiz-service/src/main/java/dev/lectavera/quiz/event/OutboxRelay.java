package dev.lectavera.quiz.event;

import dev.lectavera.quiz.config.OutboxConfig;
import dev.lectavera.quiz.repository.OutboxRepository;
import dev.lectavera.quiz.repository.OutboxRepository.PendingEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox to Kafka: right after a commit that wrote an event, and on a short tick as the safety net.
 * Rows go in creation order, locked with {@code FOR UPDATE SKIP LOCKED} (two instances never send the same row),
 * each one acknowledged by the broker (acks=all, idempotent producer) before it is stamped. A failure is recorded on
 * the row and the round stops (order is kept); the next round retries. Requests never wait for Kafka.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

    private final OutboxRepository outbox;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final Map<String, Object> kafkaSecurity;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile KafkaProducer<String, String> producer;

    OutboxRelay(OutboxRepository outbox, OutboxConfig config,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.outbox = outbox;
        this.config = config;
        this.bootstrapServers = config.bootstrapServers();
        this.kafkaSecurity = securitySettings(kafkaConfig);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxSignal signal) {
        Thread.ofVirtual().name("outbox-relay").start(this::relay);
    }

    @Scheduled(every = "${lectavera.outbox.relay-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        relay();
    }

    /** Publishes until the outbox is empty or a send fails; a call while a round runs makes that round go on. */
    public void relay() {
        requested.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (requested.getAndSet(false)) {
                int published;
                do {
                    published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                } while (published == config.batchSize());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay round failed (retried on the next tick): %s", e.toString());
        } finally {
            running.set(false);
        }
    }

    /** @return rows published; fewer than the batch size means the outbox is drained or a send failed */
    private int publishBatch() {
        List<PendingEvent> events = outbox.lockUnpublished(config.batchSize());
        int published = 0;
        for (PendingEvent event : events) {
            try {
                producer().send(new ProducerRecord<>(event.topic(), event.recordKey(), event.envelope()))
                        .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                outbox.markPublished(event.id());
                published++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outbox.markFailed(event.id(), "interrupted");
                return -1;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                LOG.warnf("Publishing event %s to %s failed (kept for a retry): %s", event.id(), event.topic(),
                        cause.toString());
                outbox.markFailed(event.id(), cause.toString());
                return -1;
            }
        }
        return published;
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(producerProperties(bootstrapServers, kafkaSecurity));
                    producer = current;
                }
            }
        }
        return current;
    }

    /** The outbox producer's settings: its own, plus the security settings of the service's Kafka configuration. */
    static Properties producerProperties(String bootstrapServers, Map<String, Object> kafkaSecurity) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "quiz-service-outbox");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
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

    void shutdown(@Observes ShutdownEvent event) {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
