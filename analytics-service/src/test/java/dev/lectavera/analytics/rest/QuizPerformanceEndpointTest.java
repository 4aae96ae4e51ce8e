package dev.lectavera.analytics.rest;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.documentDeleted;
import static dev.lectavera.analytics.support.TestEvents.indexed;
import static dev.lectavera.analytics.support.TestEvents.outcome;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static dev.lectavera.analytics.support.TestEvents.retitled;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class QuizPerformanceEndpointTest extends EventDrivenTest {

    private static final String PERFORMANCE = "/api/v1/analytics/quiz-performance";

    QuizPerformanceEndpointTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @Test
    void scoresDocumentsTopicsAndWeakestTopicsWithPagesToReview() {
        UUID user = UUID.randomUUID();
        UUID thermo = UUID.randomUUID();
        UUID optics = UUID.randomUUID();
        UUID oldNotes = UUID.randomUUID();
        var a1 = quiz(user, Instant.parse("2024-06-01T10:00:00Z"), 3, 4, 120, List.of(
                outcome(thermo, 3, "entropy", true),
                outcome(thermo, 3, "entropy", false),
                outcome(thermo, 5, "enthalpy", true),
                outcome(optics, 10, "lenses", true)));
        var a2 = quiz(user, Instant.parse("2024-06-02T10:00:00Z"), 1, 4, 200, List.of(
                outcome(thermo, 7, "entropy", false),
                outcome(optics, 11, "lenses", false),
                outcome(optics, 12, "lenses", true),
                outcome(oldNotes, 1, "entropy", false)));
        var a3 = quiz(user, Instant.parse("2024-06-03T10:00:00Z"), 4, 4, 90, List.of(
                outcome(thermo, 5, "enthalpy", true),
                outcome(thermo, 6, "enthalpy", true),
                outcome(optics, 10, "lenses", true),
                outcome(optics, 2, "mirrors", true)));
        List<EventEnvelope<?>> events = List.of(
                indexed(user, thermo, "Thermo draft", 40, 1, Instant.parse("2024-05-30T10:00:00Z")),
                retitled(user, thermo, "Thermodynamics", 2, Instant.parse("2024-05-31T10:00:00Z")),
                retitled(user, thermo, "Stale title", 1, Instant.parse("2024-05-30T11:00:00Z")), // older version: ignored
                indexed(user, optics, "Optics", 25, 1, Instant.parse("2024-05-30T10:00:00Z")),
                indexed(user, oldNotes, "Old notes", 3, 1, Instant.parse("2024-05-30T10:00:00Z")),
                documentDeleted(user, oldNotes, Instant.parse("2024-06-05T10:00:00Z")),
                a3, a1, a2);   // arrival order differs from completion order
        kafka.publish(events);
        readModels.awaitProcessed(events);

        getOk(user, PERFORMANCE)
                .body("scoresOverTime.attemptId", contains(a1.data().attemptId().toString(),
                        a2.data().attemptId().toString(), a3.data().attemptId().toString()))
                .body("scoresOverTime.percent", contains(75.0, 25.0, 100.0))
                .body("scoresOverTime.durationSeconds", contains(120, 200, 90))
                // per document, lowest average first; the average weighs each attempt equally
                .body("perDocument.documentId", contains(oldNotes.toString(), thermo.toString(), optics.toString()))
                .body("perDocument.title", contains("Old notes", "Thermodynamics", "Optics"))
                .body("perDocument.deleted", contains(true, false, false))
                .body("perDocument.attempts", contains(1, 3, 3))
                .body("perDocument.questions", contains(1, 6, 5))
                .body("perDocument.correct", contains(0, 4, 4))
                .body("perDocument.averagePercent", contains(0.0, 55.56, 83.33))  // (66.67+0+100)/3, (100+50+100)/3
                .body("perTopic.topic", contains("enthalpy", "entropy", "lenses", "mirrors"))
                .body("perTopic.correct", contains(3, 1, 3, 1))
                .body("perTopic.total", contains(3, 4, 4, 1))
                .body("perTopic.accuracyPercent", contains(100.0, 25.0, 75.0, 100.0))
                // weak: at least 3 answers and a miss; mirrors has too few answers, enthalpy no miss
                .body("weakTopicMinAnswers", equalTo(3))
                .body("weakestTopics.topic", contains("entropy", "lenses"))
                .body("weakestTopics.accuracyPercent", contains(25.0, 75.0))
                // entropy's misses: Thermodynamics pages 3 and 7; the deleted Old notes is not suggested
                .body("weakestTopics[0].review.documentId", contains(thermo.toString()))
                .body("weakestTopics[0].review.title", contains("Thermodynamics"))
                .body("weakestTopics[0].review.missed", contains(2))
                .body("weakestTopics[0].review[0].pages", contains(3, 7))
                .body("weakestTopics[1].review.documentId", contains(optics.toString()))
                .body("weakestTopics[1].review[0].pages", contains(11));
    }

    @Test
    void aUserWithoutQuizzesHasEmptyLists() {
        getOk(UUID.randomUUID(), PERFORMANCE)
                .body("scoresOverTime", empty())
                .body("perDocument", empty())
                .body("perTopic", empty())
                .body("weakestTopics", empty());
    }
}
