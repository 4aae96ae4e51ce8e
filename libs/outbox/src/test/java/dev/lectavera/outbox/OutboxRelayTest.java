package dev.lectavera.outbox;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.events.UserRegistered;
import dev.lectavera.outbox.OutboxStore.PendingEvent;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer and the relay against the dev stack's PostgreSQL and Kafka. */
class OutboxRelayTest {

    private static final String KAFKA = System.getProperty("lectavera.outbox.test.kafka", "localhost:9092");
    /** Nothing listens there: every send fails once the producer gave up waiting for metadata. */
    private static final String NO_KAFKA = "localhost:1";

    private DataSource db;
    private OutboxStore store;
    private String topic;

    @BeforeEach
    void freshOutbox() throws SQLException {
        db = TestDatabase.freshSchema("relay");
        new OutboxSchema(db).migrate();
        store = new OutboxStore(db);
        topic = "lectavera.outbox-test." + UUID.randomUUID();
    }

    @Test
    void theWriterStoresTheEnvelopeAndTheCurrentTraceContext() throws SQLException {
        OutboxWriter writer = writer();
        UUID user = UUID.randomUUID();

        EventEnvelope<UserRegistered> untraced = writer.append(user, new UserRegistered(user, Instant.now()));
        EventEnvelope<UserRegistered> traced;
        try (Scope ignored = TraceparentTest.currentSpan()) {
            traced = writer.append(user, new UserRegistered(user, Instant.now()));
        }

        assertEquals("/outbox-test", untraced.source());
        assertNull(untraced.traceparent());
        assertEquals(TraceparentTest.TRACEPARENT, traced.traceparent());
        List<PendingEvent> rows = pending();
        assertEquals(List.of(untraced.id(), traced.id()), rows.stream().map(PendingEvent::id).toList());
        assertEquals(EventJson.write(untraced), rows.get(0).envelope());
        assertNull(rows.get(0).traceparent());
        assertEquals("lectavera.users", rows.get(0).topic());
        assertEquals(user.toString(), rows.get(0).recordKey());
        assertEquals(EventJson.write(traced), rows.get(1).envelope());
        assertTrue(rows.get(1).envelope().contains("\"traceparent\":\"" + TraceparentTest.TRACEPARENT + "\""));
        assertEquals(TraceparentTest.TRACEPARENT, rows.get(1).traceparent());
    }

    @Test
    void eventsGoInCreationOrderWithTheirTraceHeader() throws SQLException {
        List<UUID> ids = insert(5, "aggregate-1");
        insertRow(UUID.randomUUID(), topic, "aggregate-2", TraceparentTest.TRACEPARENT);

        relay(KAFKA, 2).relayPending(); // three batches: 2 + 2 + 2

        assertEquals(0, unpublished());
        List<ConsumerRecord<String, String>> received = consume(6);
        assertEquals(ids.stream().map(UUID::toString).toList(),
                received.stream().filter(r -> r.key().equals("aggregate-1")).map(ConsumerRecord::value).toList());
        ConsumerRecord<String, String> traced = received.stream().filter(r -> r.key().equals("aggregate-2"))
                .findFirst().orElseThrow();
        assertEquals(TraceparentTest.TRACEPARENT,
                new String(traced.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
    }

    @Test
    void whileKafkaIsAwayEventsWaitWithTheirAttemptsAndGoInOrderOnceItIsBack() throws SQLException {
        List<UUID> ids = insert(3, "aggregate");

        OutboxRelay away = relay(NO_KAFKA, 100);
        try {
            away.relayPending();
        } finally {
            away.onStop(null);
        }

        assertEquals(3, unpublished());
        Row first = row(ids.get(0));
        assertEquals(1, first.attempts());
        assertNotNull(first.lastError());
        // the batch stopped at the first failure: the others were not even tried
        assertEquals(0, row(ids.get(1)).attempts());
        assertEquals(0, row(ids.get(2)).attempts());

        relay(KAFKA, 100).relayPending();

        assertEquals(0, unpublished());
        Row published = row(ids.get(0));
        assertEquals(2, published.attempts());
        assertNull(published.lastError());
        assertEquals(ids.stream().map(UUID::toString).toList(),
                consume(3).stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void aFailedSendStopsTheBatchSoNoLaterEventOvertakesIt() throws SQLException {
        UUID before = insertRow(UUID.randomUUID(), topic, "aggregate", null);
        UUID failing = insertRow(UUID.randomUUID(), "not a valid topic name!", "aggregate", null);
        UUID after = insertRow(UUID.randomUUID(), topic, "aggregate", null);

        relay(KAFKA, 100).relayPending();

        assertNotNull(row(before).publishedAt());
        assertNull(row(failing).publishedAt());
        assertEquals(1, row(failing).attempts());
        assertNotNull(row(failing).lastError());
        assertNull(row(after).publishedAt(), "a later event waits behind the failed one");
        assertEquals(0, row(after).attempts());
    }

    @Test
    void rowsAnotherInstanceHoldsAreSkipped() throws SQLException {
        List<UUID> ids = insert(3, "aggregate");
        try (Connection otherInstance = db.getConnection()) {
            otherInstance.setAutoCommit(false);
            assertEquals(ids.get(0), store.lockUnpublished(otherInstance, 1).getFirst().id());

            relay(KAFKA, 100).relayPending();

            assertNull(row(ids.get(0)).publishedAt(), "locked by the other instance");
            assertNotNull(row(ids.get(1)).publishedAt());
            assertNotNull(row(ids.get(2)).publishedAt());
            otherInstance.rollback();
        }
    }

    @Test
    void publishedRowsPastTheirRetentionAreDeleted() throws SQLException {
        insert(2, "aggregate");
        relay(KAFKA, 100).relayPending();
        insert(1, "aggregate");

        assertEquals(0, store.deletePublishedBefore(Instant.now().minus(Duration.ofHours(1))));
        assertEquals(2, store.deletePublishedBefore(Instant.now().plus(Duration.ofMinutes(1))));
        assertEquals(1, unpublished());
    }

    // ---- helpers

    private OutboxRelay relay(String bootstrapServers, int batchSize) {
        return new OutboxRelay(db, store, TestConfig.kafka(bootstrapServers).withBatchSize(batchSize), Map.of());
    }

    @SuppressWarnings("unchecked")
    private OutboxWriter writer() {
        // outside a container: the after-commit signal goes nowhere, and each insert commits by itself
        Event<OutboxAppended> noObservers = (Event<OutboxAppended>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{Event.class}, (proxy, method, args) -> null);
        return new OutboxWriter(db, store, noObservers, TestConfig.kafka(KAFKA));
    }

    /** Rows whose envelope is their own id, so what Kafka received shows the order. */
    private List<UUID> insert(int count, String key) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(insertRow(UUID.randomUUID(), topic, key, null));
        }
        return ids;
    }

    private UUID insertRow(UUID id, String topicName, String key, String traceparent) throws SQLException {
        try (Connection c = db.getConnection()) {
            // one transaction each: created_at (transaction time) orders them
            store.insert(c, id, topicName, key, "lectavera.test.v1", id.toString(), traceparent);
        }
        return id;
    }

    private List<PendingEvent> pending() throws SQLException {
        try (Connection c = db.getConnection()) {
            return store.lockUnpublished(c, 100);
        }
    }

    private long unpublished() throws SQLException {
        return TestDatabase.count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
    }

    private record Row(Instant publishedAt, int attempts, String lastError) {
    }

    private Row row(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT published_at, attempts, last_error FROM outbox_event WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.sql.Timestamp at = rs.getTimestamp(1);
                return new Row(at == null ? null : at.toInstant(), rs.getInt(2), rs.getString(3));
            }
        }
    }

    private List<ConsumerRecord<String, String>> consume(int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= expected;
            });
        }
        assertEquals(expected, received.size());
        return received;
    }
}
