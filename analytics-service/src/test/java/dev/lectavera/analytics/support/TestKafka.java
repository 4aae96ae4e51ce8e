package dev.lectavera.analytics.support;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes to the real broker the way the producers' outbox relays do: key = subject, value = envelope JSON. */
public final class TestKafka implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TestKafka() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(properties);
    }

    /** Sends in order and waits for every acknowledgement. */
    public void publish(List<? extends EventEnvelope<?>> envelopes) {
        List<Future<?>> acks = envelopes.stream()
                .<Future<?>>map(e -> producer.send(new ProducerRecord<>(e.eventType().topic(), e.subject(),
                        EventJson.write(e))))
                .toList();
        acks.forEach(TestKafka::await);
    }

    public void publish(EventEnvelope<?>... envelopes) {
        publish(List.of(envelopes));
    }

    /** Any record at all, e.g. junk that is not an event. */
    public void publishRaw(String topic, String key, String value) {
        await(producer.send(new ProducerRecord<>(topic, key, value)));
    }

    /** The record a relay would send for this envelope. */
    public static ProducerRecord<String, String> record(EventEnvelope<?> envelope) {
        return new ProducerRecord<>(envelope.eventType().topic(), envelope.subject(), EventJson.write(envelope));
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
