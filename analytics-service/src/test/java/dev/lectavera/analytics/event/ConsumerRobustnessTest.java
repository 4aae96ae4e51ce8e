package dev.lectavera.analytics.event;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.QueryAnswered;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lectavera.analytics.support.TestEvents.chat;
import static dev.lectavera.analytics.support.TestEvents.documentDeleted;
import static dev.lectavera.analytics.support.TestEvents.indexed;
import static dev.lectavera.analytics.support.TestEvents.query;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static dev.lectavera.analytics.support.TestEvents.registered;
import static dev.lectavera.analytics.support.TestEvents.withSubject;
import static dev.lectavera.testsupport.ops.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redeliveries, junk and arrival order, through the real broker. */
@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class ConsumerRobustnessTest extends EventDrivenTest {

    private static final String OVERVIEW = "/api/v1/analytics/overview";

    ConsumerRobustnessTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        UUID user = UUID.randomUUID();
        var question = query(user, Instant.parse("2024-02-01T10:00:00Z"));
        var attempt = quiz(user, Instant.parse("2024-02-01T11:00:00Z"), 9, 10, 300);
        // The same envelopes (same ids) delivered again, then a sentinel with the same key on each
        // topic: same partition, so once the sentinel is processed the redeliveries were too.
        var questionSentinel = withSubject(query(user, Instant.parse("2024-02-02T10:00:00Z")), question.subject());
        var attemptSentinel = withSubject(quiz(user, Instant.parse("2024-02-02T11:00:00Z"), 5, 10, 60),
                attempt.subject());
        kafka.publish(question, attempt);
        readModels.awaitProcessed(question, attempt);
        double studyDuplicates = eventsCounted(Topics.STUDY, "duplicate");
        double quizDuplicates = eventsCounted(Topics.QUIZ, "duplicate");
        kafka.publish(question, attempt, question, questionSentinel, attemptSentinel);
        readModels.awaitProcessed(questionSentinel, attemptSentinel);

        // recognised as redeliveries by their ids (processed_event), not merely absorbed by upserts
        assertTrue(eventsCounted(Topics.STUDY, "duplicate") >= studyDuplicates + 2);
        assertTrue(eventsCounted(Topics.QUIZ, "duplicate") >= quizDuplicates + 1);

        getOk(user, OVERVIEW)
                .body("questionsAsked", equalTo(2))
                .body("quizzesTaken", equalTo(2))
                .body("averageScore", equalTo(70.0))
                .body("minutesStudied", equalTo(6));
    }

    /** The consumer's outcome counter, as Prometheus scrapes it. */
    private static double eventsCounted(String topic, String outcome) {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^lectavera_analytics_events_total\\{([^}]*)} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("outcome=\"" + outcome + "\"") && line.group(1).contains("topic=\"" + topic + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    @Test
    void junkAndUnknownRecordsAreSkippedWithoutBlockingTheNextOnes() {
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var unknownType = """
                {"specversion":"1.0","id":"%s","type":"lectavera.study.query-answered.v9","source":"/study-service",
                 "subject":"%s","time":"2024-02-03T10:00:00Z","data":{"userId":"%s"}}"""
                .formatted(UUID.randomUUID(), key, user);
        EventEnvelope<QueryAnswered> withoutUser = EventEnvelope.of("/study-service", key, new QueryAnswered(
                UUID.randomUUID(), UUID.randomUUID(), null, List.of(), 100, false, "CORRECT", 0, 0, 0, "m",
                Instant.parse("2024-02-03T10:00:00Z")));
        kafka.publishRaw(Topics.STUDY, key, "this is not JSON {");
        kafka.publishRaw(Topics.STUDY, key, "{}");
        kafka.publishRaw(Topics.STUDY, key, "");
        kafka.publishRaw(Topics.STUDY, key, unknownType);
        kafka.publishRaw(Topics.STUDY, key, EventJson.write(withoutUser));
        var valid = withSubject(query(user, Instant.parse("2024-02-03T11:00:00Z")), key);
        kafka.publish(valid);
        readModels.awaitProcessed(valid);

        getOk(user, OVERVIEW).body("questionsAsked", equalTo(1));
        assertEquals(0, readModels.processedCount(withoutUser.id()), "an invalid event is skipped, not recorded");
        assertTrue(eventsCounted(Topics.STUDY, "skipped-malformed") >= 3);
        assertTrue(eventsCounted(Topics.STUDY, "skipped-unknown-type") >= 1);
        assertTrue(eventsCounted(Topics.STUDY, "skipped-invalid-payload") >= 1);
    }

    @Test
    void anEventTheDatabaseRefusesIsSkippedAloneAndTheRestOfItsBatchIsApplied() {
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var before = withSubject(query(user, Instant.parse("2024-02-03T09:00:00Z")), key);
        // valid for the decoder, refused by PostgreSQL (a NUL character in a text column)
        var refused = withSubject(query(user, Instant.parse("2024-02-03T09:30:00Z"), 100, false, "CORRECT",
                "model\u0000name", 1, 1), key);
        var after = withSubject(query(user, Instant.parse("2024-02-03T10:00:00Z")), key);
        double failed = eventsCounted(Topics.STUDY, "failed");
        kafka.publish(before, refused, after);
        readModels.awaitProcessed(before, after);

        getOk(user, OVERVIEW).body("questionsAsked", equalTo(2));
        assertEquals(0, readModels.processedCount(refused.id()));
        assertTrue(eventsCounted(Topics.STUDY, "failed") >= failed + 1);
    }

    @Test
    void aQuizCompletedBeforeTheUserRegisteredStillCounts() {
        UUID user = UUID.randomUUID();
        var attempt = quiz(user, Instant.parse("2024-02-04T10:00:00Z"), 4, 5, 120);
        kafka.publish(attempt);
        readModels.awaitProcessed(attempt);
        var registration = registered(user, Instant.parse("2024-02-01T10:00:00Z"));
        kafka.publish(registration);
        readModels.awaitProcessed(registration);

        getOk(user, OVERVIEW).body("quizzesTaken", equalTo(1)).body("bestScore", equalTo(80.0));
    }

    @Test
    void aDocumentDeletedBeforeItsIndexingDoesNotComeBack() {
        UUID user = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        var deleted = documentDeleted(user, document, Instant.parse("2024-02-05T12:00:00Z"));
        kafka.publish(deleted);
        readModels.awaitProcessed(deleted);
        List<EventEnvelope<?>> late = List.of(
                indexed(user, document, "Gone", 10, 1, Instant.parse("2024-02-05T10:00:00Z")),
                indexed(user, document, "Gone", 11, 2, Instant.parse("2024-02-05T11:00:00Z")),
                indexed(user, kept, "Kept", 7, 1, Instant.parse("2024-02-05T10:00:00Z")));
        kafka.publish(late);
        readModels.awaitProcessed(late);

        getOk(user, OVERVIEW).body("documentsIndexed", equalTo(1)).body("pagesIndexed", equalTo(7));
    }

    @Test
    void anOlderVersionArrivingLastChangesNothing() {
        UUID user = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant start = Instant.parse("2024-02-06T10:00:00Z");
        List<EventEnvelope<?>> events = List.of(
                indexed(user, document, "Notes", 20, 2, Instant.parse("2024-02-06T12:00:00Z")),
                indexed(user, document, "Notes", 15, 1, Instant.parse("2024-02-06T11:00:00Z")),
                // the session was archived twice (resumed in between): the later archive wins
                chat(user, session, 9, start, Duration.ofMinutes(30)),
                chat(user, session, 4, start, Duration.ofMinutes(10)));
        kafka.publish(events);
        readModels.awaitProcessed(events);

        getOk(user, OVERVIEW)
                .body("pagesIndexed", equalTo(20))
                .body("chatSessions", equalTo(1))
                .body("chatMessages", equalTo(9))
                .body("minutesStudied", equalTo(30));
    }
}
