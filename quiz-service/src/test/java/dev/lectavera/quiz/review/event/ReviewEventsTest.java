package dev.lectavera.quiz.review.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.CardSuspended;
import dev.lectavera.contracts.events.ReviewCompleted;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.StudyPdf;
import dev.lectavera.quiz.support.Users;
import dev.lectavera.testsupport.kafka.KafkaTopics;
import dev.lectavera.testsupport.kafka.TestPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review events out (ReviewCompleted, CardSuspended, through the outbox to Kafka) and in (DocumentDeleted,
 * UserDeleted).
 */
@QuarkusTest
class ReviewEventsTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);

    private final AgroalDataSource dataSource;

    ReviewEventsTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A quiz of {@code count} questions attempted with nothing answered: a card per question. */
    private static List<String> missedCards(Users user, UUID documentId, int count) {
        UUID quizId = UUID.fromString(QuizApi.generate(user, QuizApi.generateJson(documentId, count, "easy"))
                .statusCode(201).extract().path("id"));
        QuizApi.submit(user, quizId, "{\"answers\": [], \"timeSpentSeconds\": 1}").statusCode(201);
        return QuizApi.as(user).get("/api/v1/quiz/review/queue").then().statusCode(200).extract().jsonPath()
                .getList("items.card.id");
    }

    @Test
    void aReviewAndASuspensionReachKafka() {
        Users user = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        String cardId = missedCards(user, documentId, 2).getFirst();
        JsonPath card = QuizApi.as(user).get("/api/v1/quiz/review/cards/{id}", cardId).then().extract().jsonPath();
        QuizApi.as(user).contentType(ContentType.JSON).body("{\"rating\": \"good\"}")
                .post("/api/v1/quiz/review/cards/{id}/reviews", cardId).then().statusCode(200);
        QuizApi.as(user).post("/api/v1/quiz/review/cards/{id}/suspend", cardId).then().statusCode(200);

        List<EventEnvelope<?>> events = KafkaTopics.awaitEvents(Topics.QUIZ, e -> cardId.equals(e.subject()), 2);
        ReviewCompleted review = events.stream().map(EventEnvelope::data).filter(ReviewCompleted.class::isInstance)
                .map(ReviewCompleted.class::cast).findFirst().orElseThrow();
        assertEquals(UUID.fromString(cardId), review.cardId());
        assertEquals(user.id(), review.userId());
        assertEquals(documentId, review.documentId());
        assertEquals(card.getInt("source.page"), review.page());
        assertEquals(card.getString("topic"), review.topic());
        assertEquals("good", review.rating());
        assertEquals("new", review.stateBefore());
        assertEquals("learning", review.stateAfter());
        assertEquals(2.3065, review.stability(), 1e-9);
        assertEquals(0.1542, review.decay(), 1e-9);
        assertEquals(0.9, review.desiredRetention(), 1e-9);
        assertEquals(Duration.ofMinutes(10), Duration.between(review.reviewedAt(), review.due()));
        CardSuspended suspended = events.stream().map(EventEnvelope::data).filter(CardSuspended.class::isInstance)
                .map(CardSuspended.class::cast).findFirst().orElseThrow();
        assertTrue(suspended.suspended());
        assertEquals("user", suspended.reason());
    }

    @Test
    void documentDeletedSuspendsItsCardsForGood() {
        Users user = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        List<String> cards = missedCards(user, documentId, 3);
        assertEquals(3, cards.size());
        DocumentsApi.delete(user, documentId);
        await("DocumentDeleted applied").atMost(EVENT_TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> QuizApi.as(user).get("/api/v1/quiz/review/queue").then().extract()
                        .<Integer>path("items.size()") == 0);
        QuizApi.as(user).get("/api/v1/quiz/review/cards").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.suspended", everyItem(equalTo(true)))
                .body("items.suspendedReason", everyItem(equalTo("document_deleted")));
        QuizApi.as(user).post("/api/v1/quiz/review/cards/{id}/unsuspend", cards.getFirst()).then().statusCode(400)
                .contentType("application/problem+json");
        QuizApi.as(user).contentType(ContentType.JSON).body("{\"rating\": \"good\"}")
                .post("/api/v1/quiz/review/cards/{id}/reviews", cards.getFirst()).then().statusCode(400);
    }

    @Test
    void userDeletedPurgesCardsLogAndSettings() throws SQLException {
        Users user = Users.random();
        Users other = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        UUID otherDocument = DocumentsApi.uploadIndexed(other, "Cell Biology", StudyPdf.cellBiologyPages());
        String cardId = missedCards(user, documentId, 2).getFirst();
        missedCards(other, otherDocument, 2);
        QuizApi.as(user).contentType(ContentType.JSON).body("{\"rating\": \"again\"}")
                .post("/api/v1/quiz/review/cards/{id}/reviews", cardId).then().statusCode(200);
        QuizApi.as(user).contentType(ContentType.JSON).body("{\"newPerDay\": 5}")
                .put("/api/v1/quiz/review/settings").then().statusCode(200);
        assertTrue(count("SELECT count(*) FROM review_log WHERE user_id = ?", user.id()) > 0);

        TestPublisher.publishOne(EventEnvelope.of("/auth-service", user.id().toString(),
                new UserDeleted(user.id(), Instant.now())));
        await("UserDeleted applied").atMost(EVENT_TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> count("SELECT count(*) FROM card WHERE user_id = ?", user.id()) == 0);
        assertEquals(0, count("SELECT count(*) FROM review_log WHERE user_id = ?", user.id()));
        assertEquals(0, count("SELECT count(*) FROM review_settings WHERE user_id = ?", user.id()));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE record_key = ?", cardId));
        QuizApi.as(user).contentType(ContentType.JSON).body("{\"newPerDay\": 5}")
                .put("/api/v1/quiz/review/settings").then().statusCode(401);
        QuizApi.as(other).get("/api/v1/quiz/review/cards").then().statusCode(200).body("total", equalTo(2));
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
}
