package dev.lectavera.outbox;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The relay's producer is built by hand, so it must pick up the SASL/SCRAM settings from the same Kafka
 * configuration as the messaging channels (the local test broker has no authentication to prove it against).
 */
class OutboxProducerSecurityTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"auth-service\" password=\"secret\";";

    /** Quarkus' default Kafka configuration as KAFKA_SECURITY_PROTOCOL=SASL_SSL, ... would make it. */
    private static final Map<String, Object> KAFKA_CONFIG = Map.of(
            "bootstrap.servers", "broker-from-kafka-config:9092",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "group.id", "auth-service",
            "auto.offset.reset", "earliest");

    @Test
    void theProducerAuthenticatesWithTheConfiguredSaslScramSettings() {
        Properties properties = OutboxRelay.producerProperties("kafka:9093", "auth-service-outbox",
                OutboxRelay.securitySettings(KAFKA_CONFIG));

        assertEquals("SASL_SSL", properties.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", properties.get(SaslConfigs.SASL_MECHANISM));
        assertEquals(JAAS, properties.get(SaslConfigs.SASL_JAAS_CONFIG));
        assertEquals("/etc/kafka/truststore.p12", properties.get("ssl.truststore.location"));
        // its own settings stay; consumer settings stay with the consumers
        assertEquals("kafka:9093", properties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("auth-service-outbox", properties.get(ProducerConfig.CLIENT_ID_CONFIG));
        assertFalse(properties.containsKey("group.id"));
        assertFalse(properties.containsKey("auto.offset.reset"));
        // delivery: every in-sync replica acknowledges, retries never duplicate or reorder
        assertEquals("all", properties.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("true", properties.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        // and Kafka accepts them as producer settings
        ProducerConfig parsed = parse(properties);
        assertEquals("SASL_SSL", parsed.getString("security.protocol"));
        assertEquals(JAAS, parsed.getPassword(SaslConfigs.SASL_JAAS_CONFIG).value());
    }

    @Test
    void withoutSecuritySettingsTheProducerStaysPlaintext() {
        Map<String, Object> plain = Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "PLAINTEXT",
                "sasl.jaas.config", "");
        Properties properties = OutboxRelay.producerProperties("localhost:9092", "auth-service-outbox",
                OutboxRelay.securitySettings(plain));

        assertEquals("PLAINTEXT", parse(properties).getString("security.protocol"));
        assertFalse(properties.containsKey(SaslConfigs.SASL_JAAS_CONFIG), "an empty setting is no setting");
    }

    /** Parsed as the Kafka client does (serializers added where the relay passes them as objects). */
    private static ProducerConfig parse(Properties properties) {
        Properties complete = new Properties();
        complete.putAll(properties);
        complete.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        complete.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new ProducerConfig(complete);
    }
}
