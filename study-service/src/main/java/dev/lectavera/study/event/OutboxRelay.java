package dev.lectavera.study.event;

import dev.lectavera.study.config.OutboxConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka in creation order, stamping each once the broker acknowledged it. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so two instances never send the same row. A failed send records
 * the error and is retried on the next run: a Kafka outage delays events, loses none, and blocks no request.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ACK_WAIT_MS = 20_000;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final Map<String, Object> kafkaSecurity;
    private final BackgroundTrigger trigger;
    private volatile KafkaProducer<String, String> producer;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.kafkaSecurity = securitySettings(kafkaConfig);
        this.trigger = new BackgroundTrigger("study-outbox-relay", this::relayAll);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.Written written) {
        trigger.fire();
    }

    @Scheduled(every = "${lectavera.outbox.relay-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        trigger.fire();
    }

    void relayAll() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.batchSize());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Outbox relay run failed, will retry: %s", e.toString());
        }
    }

    /** @return rows published, or -1 when a send failed (the next run retries) */
    int relayBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Row> rows = claim(c);
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                KafkaProducer<String, String> kafka = producer();
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    acks.add(kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.envelope())));
                }
                int published = 0;
                boolean failed = false;
                for (int i = 0; i < rows.size(); i++) {
                    try {
                        acks.get(i).get(ACK_WAIT_MS, TimeUnit.MILLISECONDS);
                        mark(c, rows.get(i).id(), null);
                        published++;
                    } catch (ExecutionException | TimeoutException e) {
                        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                        mark(c, rows.get(i).id(), cause.toString());
                        failed = true;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        c.rollback();
                        return -1;
                    }
                }
                c.commit();
                if (failed) {
                    LOG.warnf("Outbox: %d of %d events published, the rest will be retried", published, rows.size());
                    return -1;
                }
                return published;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<Row> claim(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, topic, record_key, envelope FROM outbox_event
                WHERE published_at IS NULL
                ORDER BY created_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED""")) {
            select.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        }
    }

    /** Published (error null) or failed once more. */
    private static void mark(Connection c, UUID id, String error) throws SQLException {
        String sql = error == null
                ? "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ?"
                : "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?";
        try (PreparedStatement update = c.prepareStatement(sql)) {
            if (error == null) {
                update.setObject(1, id);
            } else {
                update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
                update.setObject(2, id);
            }
            update.executeUpdate();
        }
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
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "study-service-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.putAll(kafkaSecurity);
        return props;
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
        trigger.close();
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    private record Row(UUID id, String topic, String key, String envelope) {
    }
}
