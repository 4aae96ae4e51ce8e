package dev.lectavera.analytics.bench;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.events.QuizGenerated;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import dev.lectavera.testsupport.kafka.TestPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.chat;
import static dev.lectavera.analytics.support.TestEvents.indexed;
import static dev.lectavera.analytics.support.TestEvents.outcome;
import static dev.lectavera.analytics.support.TestEvents.query;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static dev.lectavera.analytics.support.TestEvents.registered;
import static org.awaitility.Awaitility.await;

/**
 * How many events per second the four consumers apply: publish a mixed burst (default 20,000 events
 * of 200 users, {@code -Dbench.events=N}) and time from the first send to the last event applied, using
 * the database clock on both ends. Not part of the default build (tag "bench"); see README.md.
 */
@Tag("bench")
@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class ConsumerThroughputBench extends EventDrivenTest {

    private final AgroalDataSource dataSource;

    ConsumerThroughputBench(AgroalDataSource dataSource) {
        super(dataSource);
        this.dataSource = dataSource;
    }

    @Test
    void eventsPerSecond() throws SQLException {
        int total = Integer.getInteger("bench.events", 20_000);
        List<EventEnvelope<?>> events = mixedEvents(total, new Random(42));
        UUID[] ids = events.stream().map(EventEnvelope::id).toArray(UUID[]::new);
        List<ProducerRecord<String, String>> records = events.stream().map(TestPublisher::record).toList();

        OffsetDateTime start = databaseNow();
        long sendStart = System.nanoTime();
        records.forEach(kafka::publishAsync);
        kafka.flush();
        double publishSeconds = (System.nanoTime() - sendStart) / 1e9;
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> readModels.processedCount(ids) == total);

        OffsetDateTime[] span = processedSpan(ids);
        double endToEnd = Duration.between(start, span[1]).toNanos() / 1e9;
        double consumeOnly = Duration.between(span[0], span[1]).toNanos() / 1e9;
        BenchResults.write("analytics-consumer-throughput", """
                # analytics-service consumer throughput

                %d events (55%% QueryAnswered, 15%% QuizCompleted with 10 outcomes, 10%% ChatArchived,
                10%% DocumentIndexed, 5%% UserRegistered, 5%% QuizGenerated) of 200 users, published as fast as
                the producer goes (%.1f s), consumed by the four channels (users: one transaction per event;
                documents, study, quiz: one transaction per poll of up to 500 records).

                | measure | value |
                |---|---|
                | first send → last event applied | %.1f s |
                | sustained rate, end to end | **%.0f events/s** |
                | first → last event applied | %.1f s (%.0f events/s) |
                """.formatted(total, publishSeconds, endToEnd, total / endToEnd, consumeOnly, total / consumeOnly));
    }

    private static List<EventEnvelope<?>> mixedEvents(int total, Random random) {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            users.add(UUID.randomUUID());
        }
        List<UUID> documents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        List<EventEnvelope<?>> events = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            UUID user = users.get(random.nextInt(users.size()));
            Instant at = base.plusSeconds(random.nextInt(365 * 86_400));
            int kind = random.nextInt(100);
            if (kind < 55) {
                events.add(query(user, at, 200 + random.nextInt(3000), random.nextInt(4) == 0, "CORRECT",
                        "gpt-4o-mini", 800, 200));
            } else if (kind < 70) {
                List<dev.lectavera.contracts.events.QuizCompleted.QuestionOutcome> outcomes = new ArrayList<>();
                for (int q = 0; q < 10; q++) {
                    outcomes.add(outcome(documents.get(q % 3), 1 + random.nextInt(40), "topic-" + random.nextInt(25),
                            random.nextBoolean()));
                }
                events.add(quiz(user, at, random.nextInt(11), 10, 60 + random.nextInt(900), outcomes));
            } else if (kind < 80) {
                events.add(chat(user, UUID.randomUUID(), 2 + random.nextInt(30), at,
                        Duration.ofMinutes(1 + random.nextInt(90))));
            } else if (kind < 90) {
                events.add(indexed(user, UUID.randomUUID(), "Document " + i, 1 + random.nextInt(300), 1, at));
            } else if (kind < 95) {
                events.add(registered(user, at));
            } else {
                UUID quiz = UUID.randomUUID();
                events.add(EventEnvelope.of("/quiz-service", quiz.toString(),
                        new QuizGenerated(quiz, user, documents, 10, "medium", "offline", at)));
            }
        }
        return events;
    }

    private OffsetDateTime databaseNow() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    /** processed_at is the applying transaction's start time. */
    private OffsetDateTime[] processedSpan(UUID[] ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement statement = c.prepareStatement(
                     "SELECT min(processed_at), max(processed_at) FROM processed_event WHERE event_id = ANY (?)")) {
            statement.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new OffsetDateTime[] {rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)};
            }
        }
    }
}
