package dev.lectavera.testsupport.kafka;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to the real broker the way the producers' outbox relays do: topic of the event type, key = subject,
 * value = envelope JSON, acks from all replicas. One producer for a test's lifetime; the static methods open one
 * per call.
 */
public final class TestPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TestPublisher() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopics.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Publishes one event and waits for the broker's acknowledgement. */
    public static void publishOne(EventEnvelope<?> envelope) {
        try (TestPublisher publisher = new TestPublisher()) {
            publisher.publish(envelope);
        }
    }

    /** Publishes any record at all (e.g. junk a consumer must survive) and waits for the acknowledgement. */
    public static void publishOneRaw(String topic, String key, String value) {
        try (TestPublisher publisher = new TestPublisher()) {
            publisher.publishRaw(topic, key, value);
        }
    }

    /** The record a relay would send for this envelope. */
    public static ProducerRecord<String, String> record(EventEnvelope<?> envelope) {
        return new ProducerRecord<>(envelope.eventType().topic(), envelope.subject(), EventJson.write(envelope));
    }

    /** Sends in order and waits for every acknowledgement. */
    public void publish(List<? extends EventEnvelope<?>> envelopes) {
        List<Future<?>> acks = envelopes.stream().<Future<?>>map(e -> producer.send(record(e))).toList();
        acks.forEach(TestPublisher::await);
    }

    public void publish(EventEnvelope<?>... envelopes) {
        publish(List.of(envelopes));
    }

    public void publishRaw(String topic, String key, String value) {
        await(producer.send(new ProducerRecord<>(topic, key, value)));
    }

    /** Fire-and-forget for the benches; call {@link #flush()} afterwards. */
    public void publishAsync(ProducerRecord<String, String> record) {
        producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    private static void await(Future<?> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
