package dev.lectavera.analytics.ops;

import dev.lectavera.analytics.ops.ReadModelReset.GroupActiveException;
import dev.lectavera.analytics.ops.ReadModelReset.Settings;
import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.lectavera.analytics.support.TestEvents.query;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static dev.lectavera.analytics.support.TestEvents.userDeleted;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rebuild tool against the real broker and the test database. It targets a throw-away consumer
 * group, so the running service's own group is never touched; the database part empties the shared
 * test database's read models exactly as it would in production.
 */
@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class ReadModelResetTest extends EventDrivenTest {

    ReadModelResetTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @Test
    void theResetScriptEmptiesEveryTableExceptTheTombstonesAndFlywayHistory() {
        Matcher truncate = Pattern.compile("TRUNCATE TABLE ([^;]+);").matcher(ReadModelReset.resetSql());
        assertTrue(truncate.find());
        Set<String> truncated = Pattern.compile(",").splitAsStream(truncate.group(1)).map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(readModels.allTables());
        // libs/outbox's tables are no read models: its migration history stays, and its outbox is always
        // empty here (analytics-service writes no events)
        expected.removeAll(Set.of("deleted_user", "flyway_schema_history", "outbox_schema_history", "outbox_event"));
        assertEquals(expected, truncated);
    }

    @Test
    void refusesWhileTheGroupHasAMemberAndChangesNothing() {
        UUID user = UUID.randomUUID();
        var question = query(user, Instant.parse("2024-09-01T10:00:00Z"));
        kafka.publish(question);
        readModels.awaitProcessed(question);
        String group = "analytics-reset-test-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> member = consumer(group)) {
            member.subscribe(ReadModelReset.TOPICS);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                member.poll(Duration.ofMillis(200));
                return !member.assignment().isEmpty();
            });
            assertThrows(GroupActiveException.class, () -> ReadModelReset.run(settings(group), quiet()));
        }
        assertEquals(1, readModels.processedCount(question.id()), "nothing was emptied");
        assertEquals(1L, readModels.rowsOfUser(user).get("query_fact"));
    }

    @Test
    void rewindsTheGroupToTheEarliestOffsetsAndEmptiesTheReadModelsButKeepsTombstones() throws Exception {
        UUID user = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        List<EventEnvelope<?>> events = List.of(query(user, Instant.parse("2024-09-02T10:00:00Z")),
                quiz(user, Instant.parse("2024-09-02T11:00:00Z"), 1, 2, 30),
                userDeleted(deleted, Instant.parse("2024-09-02T12:00:00Z")));
        kafka.publish(events);
        readModels.awaitProcessed(events);

        String group = "analytics-reset-test-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            // a group that has consumed everything so far, then stopped
            List<TopicPartition> partitions = ReadModelReset.TOPICS.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, o) -> end.put(p, new OffsetAndMetadata(o)));
            consumer.commitSync(end);
        }

        ReadModelReset.Result result = ReadModelReset.run(settings(group), quiet());

        try (Admin admin = Admin.create(adminProperties())) {
            Map<TopicPartition, OffsetSpec> earliestRequest = new HashMap<>();
            result.offsets().keySet().forEach(p -> earliestRequest.put(p, OffsetSpec.earliest()));
            Map<TopicPartition, Long> earliest = new HashMap<>();
            admin.listOffsets(earliestRequest).all().get().forEach((p, info) -> earliest.put(p, info.offset()));
            Map<TopicPartition, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((p, o) -> committed.put(p, o.offset()));
            assertFalse(result.offsets().isEmpty());
            assertEquals(Set.copyOf(ReadModelReset.TOPICS),
                    result.offsets().keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet()));
            assertEquals(earliest, result.offsets());
            assertEquals(earliest, committed);
            admin.deleteConsumerGroups(List.of(group)).all().get();
        }
        assertTrue(readModels.rowsOfUser(user).values().stream().allMatch(n -> n == 0),
                "read models emptied: " + readModels.rowsOfUser(user));
        assertEquals(0, readModels.processedCount(events.stream().map(EventEnvelope::id).toArray(UUID[]::new)));
        assertTrue(readModels.isTombstoned(deleted), "tombstones survive a reset");
    }

    private static Settings settings(String group) {
        Config config = ConfigProvider.getConfig();
        return new Settings(config.getValue("kafka.bootstrap.servers", String.class), group,
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return properties;
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties properties = adminProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
