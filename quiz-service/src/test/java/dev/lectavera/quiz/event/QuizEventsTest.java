package dev.lectavera.quiz.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.QuizCompleted;
import dev.lectavera.contracts.events.QuizGenerated;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.StudyPdf;
import dev.lectavera.quiz.support.Users;
import dev.lectavera.testsupport.kafka.KafkaTopics;
import dev.lectavera.testsupport.kafka.TestPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events out (through the outbox to the real Kafka) and in (DocumentDeleted, UserDeleted). */
@QuarkusTest
class QuizEventsTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);

    private final AgroalDataSource dataSource;

    QuizEventsTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void quizGeneratedAndQuizCompletedReachKafka() {
        Users user = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(documentId, 5, "medium")).statusCode(201)
                .extract().jsonPath();
        UUID quizId = UUID.fromString(quiz.getString("id"));
        String firstQuestion = quiz.getString("questions[0].id");
        JsonPath attempt = QuizApi.submit(user, quizId, "{\"answers\": [{\"questionId\": \"" + firstQuestion
                + "\", \"answer\": \"zebra\"}], \"timeSpentSeconds\": 321}").statusCode(201).extract().jsonPath();

        List<EventEnvelope<?>> events = KafkaTopics.awaitEvents(Topics.QUIZ,
                e -> quizId.toString().equals(e.subject()), 2);
        QuizGenerated generated = events.stream().map(EventEnvelope::data).filter(QuizGenerated.class::isInstance)
                .map(QuizGenerated.class::cast).findFirst().orElseThrow();
        assertEquals(user.id(), generated.userId());
        assertEquals(List.of(documentId), generated.documentIds());
        assertEquals(5, generated.questionCount());
        assertEquals("medium", generated.difficulty());
        assertEquals("lectavera-offline", generated.generator());

        QuizCompleted completed = events.stream().map(EventEnvelope::data).filter(QuizCompleted.class::isInstance)
                .map(QuizCompleted.class::cast).findFirst().orElseThrow();
        assertEquals(UUID.fromString(attempt.getString("id")), completed.attemptId());
        assertEquals(quizId, completed.quizId());
        assertEquals(user.id(), completed.userId());
        assertEquals(0.0, completed.score());
        assertEquals(5.0, completed.maxScore());
        assertEquals(321, completed.durationSeconds());
        assertEquals(5, completed.outcomes().size());
        List<Map<String, Object>> questions = quiz.getList("questions");
        for (int i = 0; i < 5; i++) {
            QuizCompleted.QuestionOutcome outcome = completed.outcomes().get(i);
            assertEquals(UUID.fromString((String) questions.get(i).get("id")), outcome.questionId());
            assertEquals(documentId, outcome.documentId());
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) questions.get(i).get("source");
            assertEquals(source.get("page"), outcome.page());
            assertEquals(questions.get(i).get("topic"), outcome.topic());
        }
        // published rows are stamped
        await().atMost(EVENT_TIMEOUT).until(() -> unpublished(quizId) == 0);
    }

    @Test
    void documentDeletedMarksTheQuizzesBuiltOnItWhichStayReadable() {
        Users user = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        UUID quizId = UUID.fromString(QuizApi.generate(user, QuizApi.generateJson(documentId, 4, "easy"))
                .statusCode(201).body("sourceDeleted", equalTo(false)).extract().path("id"));
        DocumentsApi.delete(user, documentId);
        await("DocumentDeleted applied").atMost(EVENT_TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> QuizApi.as(user).get("/api/v1/quiz/{id}", quizId).then().extract()
                        .<Boolean>path("sourceDeleted"));
        QuizApi.as(user).get("/api/v1/quiz/{id}", quizId).then().statusCode(200)
                .body("documents[0].deleted", equalTo(true))
                .body("questions.size()", equalTo(4))
                .body("questions[0].source.documentDeleted", equalTo(true));
        QuizApi.as(user).get("/api/v1/quiz").then().body("items[0].sourceDeleted", equalTo(true));
        // and it can still be attempted
        QuizApi.submit(user, quizId, "{\"answers\": [], \"timeSpentSeconds\": 1}").statusCode(201);
    }

    @Test
    void userDeletedPurgesTheUsersQuizzesOnceEvenWhenRedelivered() throws SQLException {
        Users user = Users.random();
        Users other = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        UUID otherDocument = DocumentsApi.uploadIndexed(other, "Cell Biology", StudyPdf.cellBiologyPages());
        UUID quizId = UUID.fromString(QuizApi.generate(user, QuizApi.generateJson(documentId, 4, "easy"))
                .statusCode(201).extract().path("id"));
        QuizApi.submit(user, quizId, "{\"answers\": [], \"timeSpentSeconds\": 1}").statusCode(201);
        UUID otherQuiz = UUID.fromString(QuizApi.generate(other, QuizApi.generateJson(otherDocument, 4, "easy"))
                .statusCode(201).extract().path("id"));

        EventEnvelope<UserDeleted> deleted = EventEnvelope.of("/auth-service", user.id().toString(),
                new UserDeleted(user.id(), Instant.now()));
        TestPublisher.publishOneRaw(Topics.USERS, user.id().toString(), "this is not an event");
        TestPublisher.publishOne(deleted);
        TestPublisher.publishOne(deleted);

        await("UserDeleted applied").atMost(EVENT_TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> QuizApi.as(user).get("/api/v1/quiz/{id}", quizId).then().extract().statusCode() == 404);
        QuizApi.as(user).get("/api/v1/quiz").then().statusCode(200).body("total", equalTo(0));
        assertEquals(0, count("SELECT count(*) FROM attempt WHERE user_id = ?", user.id()));
        assertEquals(0, count("SELECT count(*) FROM question WHERE quiz_id = ?", quizId));
        await().atMost(EVENT_TIMEOUT).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?",
                deleted.id()) == 1);
        // the other user keeps everything
        QuizApi.as(other).get("/api/v1/quiz/{id}", otherQuiz).then().statusCode(200);
    }

    private long unpublished(UUID quizId) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND published_at IS NULL",
                quizId.toString());
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theOutboxRecordsEveryEventWithItsTopicAndKey() throws SQLException {
        Users user = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        UUID quizId = UUID.fromString(QuizApi.generate(user, QuizApi.generateJson(documentId, 3, "easy"))
                .statusCode(201).extract().path("id"));
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(
                "SELECT topic, event_type FROM outbox_event WHERE record_key = ?")) {
            statement.setString(1, quizId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(Topics.QUIZ, rs.getString(1));
                assertEquals("lectavera.quiz.generated.v1", rs.getString(2));
            }
        }
    }
}
