package dev.lectavera.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spaced review through the gateway only: a quiz's missed questions are in the due queue with their pages as soon
 * as the attempt is graded, reviews move them (FSRS-6), nothing of one student is visible to another, and
 * analytics-service shows the reviews from quiz-service's events.
 */
@ExtendWith(LectaVeraSystem.class)
class ReviewIT {

    private static final Duration EVENTS = Duration.ofMinutes(1);

    @Test
    void missedQuestionsAreReviewedAndCounted(LectaVeraSystem.Running system) {
        Student student = Student.register(system);
        String documentId = student.uploadIndexedDocument();
        JsonPath quiz = student.api().contentType(ContentType.JSON)
                .body(Map.of("documentIds", List.of(documentId), "count", 5, "difficulty", "medium"))
                .post("/api/v1/quiz/generate").then().statusCode(201).extract().jsonPath();
        JsonPath attempt = student.api().contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(), "timeSpentSeconds", 30))
                .post("/api/v1/quiz/" + quiz.getString("id") + "/attempts").then().statusCode(201)
                .body("score", equalTo(0.0f)).extract().jsonPath();

        // in the queue at once: the cards are written in the grading transaction
        JsonPath queue = student.api().get("/api/v1/quiz/review/queue").then().statusCode(200)
                .body("newCount", equalTo(5))
                .body("items.card.state", everyItem(equalTo("new")))
                .body("items.card.source.documentId", everyItem(equalTo(documentId)))
                .body("items.card.source.page", everyItem(greaterThan(0)))
                .body("items.card.source.passage", everyItem(notNullValue()))
                .body("items.next.good", everyItem(notNullValue()))
                .extract().jsonPath();
        assertEquals(new HashSet<>(attempt.getList("results.prompt")),
                new HashSet<>(queue.getList("items.card.prompt")));
        List<Integer> pages = attempt.getList("results.page");
        assertEquals(new HashSet<>(pages), new HashSet<>(queue.getList("items.card.source.page")));

        String good = queue.getString("items[0].card.id");
        String again = queue.getString("items[1].card.id");
        student.api().contentType(ContentType.JSON).body(Map.of("rating", "good"))
                .post("/api/v1/quiz/review/cards/" + good + "/reviews").then().statusCode(200)
                .body("card.state", equalTo("learning"))
                .body("card.stability", equalTo(2.3065f));          // FSRS-6: S0(Good) = w2
        student.api().contentType(ContentType.JSON).body(Map.of("rating", "again"))
                .post("/api/v1/quiz/review/cards/" + again + "/reviews").then().statusCode(200)
                .body("card.state", equalTo("learning"))
                .body("card.stability", equalTo(0.212f));           // S0(Again) = w0
        student.api().get("/api/v1/quiz/review/queue").then().statusCode(200).body("newCount", equalTo(3));
        student.api().get("/api/v1/quiz/review/stats").then().statusCode(200)
                .body("cardsByState.learning", equalTo(2)).body("cardsByState.new", equalTo(3));

        // another student sees nothing of it
        Student stranger = Student.register(system);
        stranger.api().get("/api/v1/quiz/review/cards/" + good).then().statusCode(404)
                .contentType("application/problem+json");
        stranger.api().contentType(ContentType.JSON).body(Map.of("rating", "easy"))
                .post("/api/v1/quiz/review/cards/" + good + "/reviews").then().statusCode(404);
        stranger.api().get("/api/v1/quiz/review/queue").then().statusCode(200).body("items.size()", equalTo(0));
        // bad input: problem+json, never 500
        student.api().contentType(ContentType.JSON).body(Map.of("rating", "perfect"))
                .post("/api/v1/quiz/review/cards/" + good + "/reviews").then().statusCode(400)
                .contentType("application/problem+json");
        student.api().contentType(ContentType.JSON).body(Map.of("desiredRetention", 0.5))
                .put("/api/v1/quiz/review/settings").then().statusCode(400);

        // ReviewCompleted: quiz-service's outbox -> Kafka -> analytics-service, applied once each
        await("analytics counted the reviews").atMost(EVENTS).untilAsserted(() ->
                student.api().get("/api/v1/analytics/review").then().statusCode(200)
                        .body("reviewsTotal", equalTo(2))
                        .body("cardsReviewed", equalTo(2))
                        .body("reviewsPerDay[0].reviews", equalTo(2))
                        .body("reviewsPerDay[0].again", equalTo(1))
                        .body("masteryByTopic.size()", greaterThan(0)));
        student.api().get("/api/v1/analytics/overview").then().statusCode(200)
                .body("review.reviewsTotal", equalTo(2));
        stranger.api().get("/api/v1/analytics/review").then().statusCode(200).body("reviewsTotal", equalTo(0));
    }
}
