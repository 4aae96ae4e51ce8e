package dev.lectavera.testsupport.kafka;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The real broker of the application under test ({@code kafka.bootstrap.servers}), read with a plain consumer:
 * what the other services see. Every read starts at the beginning of the topic in a consumer group of its own.
 */
public final class KafkaTopics {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private KafkaTopics() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The first event on the topic that matches {@code wanted}; fails after a minute. */
    public static EventEnvelope<?> awaitEvent(String topic, Predicate<EventEnvelope<?>> wanted) {
        return awaitEvents(topic, wanted, 1).getFirst();
    }

    /** The first {@code count} events on the topic that match {@code wanted}; fails after a minute. */
    public static List<EventEnvelope<?>> awaitEvents(String topic, Predicate<EventEnvelope<?>> wanted, int count) {
        return awaitRecords(topic, record -> decode(record.value()).filter(wanted).isPresent(), count).stream()
                .map(record -> decode(record.value()).orElseThrow())
                .<EventEnvelope<?>>map(envelope -> envelope)
                .toList();
    }

    /** The first record keyed {@code key} that holds an event of {@code type} (e.g. "UserRegistered"). */
    public static ConsumerRecord<String, String> awaitRecord(String topic, String key, String type) {
        return awaitRecords(topic, record -> key.equals(record.key())
                && decode(record.value()).map(envelope -> type.equals(envelope.type())).orElse(false), 1).getFirst();
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(
            String topic, Predicate<ConsumerRecord<String, String>> wanted, int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "lectavera-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("events on " + topic).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                            if (found.size() < count && wanted.test(record)) {
                                found.add(record);
                            }
                        }
                        return found.size() >= count;
                    });
        }
        return found;
    }

    /** The envelope in a record's value; empty for another producer's record this build cannot read, or junk. */
    private static Optional<EventEnvelope<?>> decode(String json) {
        try {
            return Optional.of(EventJson.read(json));
        } catch (RuntimeException notAnEvent) {
            return Optional.empty();
        }
    }
}
