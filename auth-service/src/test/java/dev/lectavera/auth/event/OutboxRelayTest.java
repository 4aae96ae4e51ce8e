package dev.lectavera.auth.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.UserRegistered;
import dev.lectavera.outbox.OutboxConfig;
import dev.lectavera.outbox.OutboxWriter;
import dev.lectavera.testsupport.kafka.KafkaTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** auth-service's events through the shared outbox (libs/outbox) to the real Kafka. */
@QuarkusTest
class OutboxRelayTest {

    private final OutboxWriter writer;
    private final AgroalDataSource dataSource;
    private final OutboxConfig config;

    OutboxRelayTest(OutboxWriter writer, AgroalDataSource dataSource, OutboxConfig config) {
        this.writer = writer;
        this.dataSource = dataSource;
        this.config = config;
    }

    @Test
    void eventsAreFromAuthServiceAndTheRelayProducerIsNamedAfterIt() {
        assertEquals("/auth-service", config.source());
        assertEquals("auth-service-outbox", config.clientId());
    }

    @Test
    void committedEventIsPublishedByteForByteAndStamped() {
        UUID subject = UUID.randomUUID();
        EventEnvelope<?> written = QuarkusTransaction.requiringNew().call(
                () -> writer.append(subject, new UserRegistered(subject, Instant.now())));

        ConsumerRecord<String, String> record = KafkaTopics.awaitRecord(Topics.USERS, subject.toString(),
                "lectavera.user.registered.v1");
        assertEquals(EventJson.write(written), record.value());
        assertEquals("/auth-service", written.source());
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(written.id()) != null);
    }

    @Test
    void rolledBackEventIsNeverWritten() {
        UUID subject = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            writer.append(subject, new UserRegistered(subject, Instant.now()));
            throw new IllegalStateException("the change failed");
        }));
        assertEquals(0, rows(subject));
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        UUID subject = UUID.randomUUID();
        assertThrows(RuntimeException.class, () -> writer.append(subject, new UserRegistered(subject, Instant.now())));
        assertEquals(0, rows(subject));
    }

    private Object publishedAt(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select published_at from outbox_event where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private int rows(UUID subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where record_key = ?")) {
            ps.setString(1, subject.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
