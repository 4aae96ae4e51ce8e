package dev.lectavera.analytics.event;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.chat;
import static dev.lectavera.analytics.support.TestEvents.indexed;
import static dev.lectavera.analytics.support.TestEvents.outcome;
import static dev.lectavera.analytics.support.TestEvents.query;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static dev.lectavera.analytics.support.TestEvents.registered;
import static dev.lectavera.analytics.support.TestEvents.review;
import static dev.lectavera.analytics.support.TestEvents.userDeleted;
import static dev.lectavera.analytics.support.TestEvents.withSubject;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class UserDeletionTest extends EventDrivenTest {

    UserDeletionTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    private List<EventEnvelope<?>> aLittleOfEverything(UUID user) {
        UUID document = UUID.randomUUID();
        return List.of(
                registered(user, Instant.parse("2024-04-01T08:00:00Z")),
                indexed(user, document, "Chemistry", 9, 1, Instant.parse("2024-04-01T09:00:00Z")),
                chat(user, UUID.randomUUID(), 6, Instant.parse("2024-04-01T10:00:00Z"), Duration.ofMinutes(20)),
                query(user, Instant.parse("2024-04-01T10:05:00Z")),
                quiz(user, Instant.parse("2024-04-01T11:00:00Z"), 2, 4, 240,
                        List.of(outcome(document, 2, "acids", false), outcome(document, 3, "bases", true))),
                review(user, UUID.randomUUID(), "acids", "good", "new", 2.3065, Instant.parse("2024-04-01T12:00:00Z"),
                        Instant.parse("2024-04-01T12:10:00Z")));
    }

    @Test
    void userDeletedPurgesEveryRowAndLaterEventsDoNotBringThemBack() {
        UUID user = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        List<EventEnvelope<?>> history = aLittleOfEverything(user);
        List<EventEnvelope<?>> neighbourHistory = aLittleOfEverything(neighbour);
        kafka.publish(history);
        kafka.publish(neighbourHistory);
        readModels.awaitProcessed(history);
        readModels.awaitProcessed(neighbourHistory);
        getOk(user, "/api/v1/analytics/overview").body("quizzesTaken", equalTo(1)).body("documentsIndexed", equalTo(1));
        assertTrue(readModels.rowsOfUser(user).values().stream().allMatch(n -> n > 0),
                "every read model holds the user before the purge: " + readModels.rowsOfUser(user));

        var deletion = userDeleted(user, Instant.parse("2024-04-02T08:00:00Z"));
        kafka.publish(deletion);
        readModels.awaitProcessed(deletion);

        Map<String, Long> left = readModels.rowsOfUser(user);
        assertTrue(left.values().stream().allMatch(n -> n == 0), "rows left after the purge: " + left);
        assertTrue(readModels.isTombstoned(user));
        assertEquals(history.size(), readModels.processedCount(
                history.stream().map(EventEnvelope::id).toArray(UUID[]::new)), "processed ids are kept");

        // Afterwards: an old event redelivered, and new events of the deleted user (each topic, with a
        // same-key sentinel behind the redelivery so it is known to be consumed).
        EventEnvelope<?> oldQuiz = history.get(4);
        var quizSentinel = withSubject(quiz(user, Instant.parse("2024-04-03T11:00:00Z"), 1, 1, 60), oldQuiz.subject());
        List<EventEnvelope<?>> afterwards = List.of(
                registered(user, Instant.parse("2024-04-03T08:00:00Z")),
                indexed(user, UUID.randomUUID(), "Resurrected?", 3, 1, Instant.parse("2024-04-03T09:00:00Z")),
                query(user, Instant.parse("2024-04-03T10:00:00Z")),
                chat(user, UUID.randomUUID(), 2, Instant.parse("2024-04-03T10:00:00Z"), Duration.ofMinutes(3)),
                review(user, UUID.randomUUID(), "bases", "easy", "new", 8.2956, Instant.parse("2024-04-03T12:00:00Z"),
                        Instant.parse("2024-04-11T12:00:00Z")),
                oldQuiz,
                quizSentinel);
        kafka.publish(afterwards);
        readModels.awaitProcessed(afterwards);

        left = readModels.rowsOfUser(user);
        assertTrue(left.values().stream().allMatch(n -> n == 0), "a deleted user's data came back: " + left);
        getOk(user, "/api/v1/analytics/overview")
                .body("documentsIndexed", equalTo(0))
                .body("questionsAsked", equalTo(0))
                .body("quizzesTaken", equalTo(0))
                .body("chatSessions", equalTo(0))
                .body("minutesStudied", equalTo(0));
        getOk(user, "/api/v1/analytics/quiz-performance").body("perTopic", empty());

        // The neighbour keeps everything.
        getOk(neighbour, "/api/v1/analytics/overview").body("quizzesTaken", equalTo(1)).body("questionsAsked", equalTo(1));
        getOk(neighbour, "/api/v1/analytics/quiz-performance").body("perTopic.topic", hasItems("acids", "bases"));
    }
}
