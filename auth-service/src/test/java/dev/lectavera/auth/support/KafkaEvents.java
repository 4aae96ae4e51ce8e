package dev.lectavera.auth.support;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A plain Kafka consumer (own group, from the earliest offset) that waits for one event about one key. */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    /** Waits until the topic holds an event of {@code type} keyed by {@code key}; returns its record. */
    public static ConsumerRecord<String, String> awaitEvent(String topic, String key, String type) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "auth-service-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> matches = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(45)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && type.equals(typeOf(record.value()))) {
                        matches.add(record);
                    }
                }
                return !matches.isEmpty();
            });
        }
        return matches.getFirst();
    }

    private static String typeOf(String json) {
        try {
            EventEnvelope<?> envelope = EventJson.read(json);
            return envelope.type();
        } catch (RuntimeException notOurs) {
            return null;
        }
    }
}
