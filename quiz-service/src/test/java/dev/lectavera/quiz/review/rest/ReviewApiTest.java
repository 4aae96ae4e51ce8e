package dev.lectavera.quiz.review.rest;

import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.StudyPdf;
import dev.lectavera.quiz.support.Users;
import dev.lectavera.quiz.text.TextNormalizer;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review API against real PostgreSQL and document-service: missed questions become cards once, FSRS moves them
 * (fixed clocks; values from py-fsrs 6.3.1's published tests), limits, settings, suspension, ownership, bad input.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewApiTest {

    private Users user;
    private UUID documentId;

    @BeforeAll
    void uploadStudyText() {
        user = Users.random();
        documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
    }

    private static ValidatableResponse get(Users user, String path, Object... params) {
        return QuizApi.as(user).get(path, params).then();
    }

    private static ValidatableResponse post(Users user, String json, String path, Object... params) {
        return QuizApi.as(user).contentType(ContentType.JSON).body(json).post(path, params).then();
    }

    /** A fresh user's quiz of {@code count} questions, attempted with nothing answered: every question missed. */
    private static JsonPath missEverything(Users student, UUID document, int count) {
        UUID quizId = UUID.fromString(QuizApi.generate(student, QuizApi.generateJson(document, count, "medium"))
                .statusCode(201).extract().path("id"));
        return QuizApi.submit(student, quizId, "{\"answers\": [], \"timeSpentSeconds\": 5}").statusCode(201)
                .extract().jsonPath();
    }

    private static void fixClock(Instant at) {
        QuarkusMock.installMockForType(Clock.fixed(at, ZoneOffset.UTC), Clock.class);
    }

    @Test
    void missedQuestionsComeBackAsNewCardsWithTheirPagesOnce() {
        Users student = Users.random();
        UUID document = DocumentsApi.uploadIndexed(student, "Cell Biology", StudyPdf.cellBiologyPages());
        JsonPath attempt = missEverything(student, document, 6);
        JsonPath queue = get(student, "/api/v1/quiz/review/queue").statusCode(200)
                .body("newCount", equalTo(6))
                .body("dueCount", equalTo(0))
                .body("items.card.state", everyItem(equalTo("new")))
                .body("items.card.origin", everyItem(equalTo("missed_question")))
                .body("items.card.source.documentId", everyItem(equalTo(document.toString())))
                .body("items.card.source.title", everyItem(equalTo("Cell Biology")))
                .body("items.card.source.page", everyItem(greaterThan(0)))
                .body("items.card.source.passage", everyItem(notNullValue()))
                .extract().jsonPath();
        Set<String> prompts = new HashSet<>(queue.getList("items.card.prompt"));
        assertEquals(new HashSet<>(attempt.getList("results.prompt")), prompts);
        for (Map<String, Object> item : queue.<Map<String, Object>>getList("items.card")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) item.get("source");
            String page = DocumentsApi.pageText(student, document, (Integer) source.get("page"));
            assertTrue(TextNormalizer.occursIn((String) item.get("answer"), page) || "true".equals(item.get("answer"))
                    || "false".equals(item.get("answer")), "answer on its page: " + item);
        }
        // the same quiz missed again makes no second card
        UUID quizId = UUID.fromString(attempt.getString("quizId"));
        QuizApi.submit(student, quizId, "{\"answers\": [], \"timeSpentSeconds\": 5}").statusCode(201);
        get(student, "/api/v1/quiz/review/cards").statusCode(200).body("total", equalTo(6));
        // a question answered right makes none
        JsonPath quiz = QuizApi.generate(student, QuizApi.generateJson(document, 1, "easy", "true_false"))
                .statusCode(201).extract().jsonPath();
        String keyed = QuizApi.submit(student, UUID.fromString(quiz.getString("id")),
                "{\"answers\": [], \"timeSpentSeconds\": 1}").statusCode(201)
                .extract().path("results[0].correctAnswer");
        long before = get(student, "/api/v1/quiz/review/cards").extract().jsonPath().getLong("total");
        assertTrue(before >= 6);
        QuizApi.submit(student, UUID.fromString(quiz.getString("id")), "{\"answers\": [{\"questionId\": \""
                + quiz.getString("questions[0].id") + "\", \"answer\": \"" + keyed + "\"}], \"timeSpentSeconds\": 1}")
                .statusCode(201).body("score", equalTo(1.0f));
        get(student, "/api/v1/quiz/review/cards").body("total", equalTo((int) before));
    }

    /**
     * Good, Good, Again at the due times, fixed clocks: 10 minutes (learning step), then 2 days (py-fsrs
     * test_review_card's second interval; S0(Good) = w2 = 2.3065), then a lapse to a 10-minute relearning step.
     */
    @Test
    void reviewsMoveTheCardAsFsrsSays() {
        Users student = Users.random();
        missEverything(student, documentId(student), 3);
        JsonPath queue = get(student, "/api/v1/quiz/review/queue").extract().jsonPath();
        String cardId = queue.getString("items[0].card.id");
        Instant t0 = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        fixClock(t0);
        String previewGood = get(student, "/api/v1/quiz/review/queue").extract().path("items[0].next.good");
        assertEquals(t0.plus(Duration.ofMinutes(10)), Instant.parse(previewGood));

        post(student, "{\"rating\": \"good\"}", "/api/v1/quiz/review/cards/{id}/reviews", cardId).statusCode(200)
                .body("rating", equalTo("good"))
                .body("card.state", equalTo("learning"))
                .body("card.stability", equalTo(2.3065f))
                .body("card.due", equalTo(t0.plus(Duration.ofMinutes(10)).toString()))
                .body("card.reps", equalTo(1));
        Instant t1 = t0.plus(Duration.ofMinutes(10));
        fixClock(t1);
        post(student, "{\"rating\": \"GOOD\"}", "/api/v1/quiz/review/cards/{id}/reviews", cardId).statusCode(200)
                .body("card.state", equalTo("review"))
                .body("scheduledDays", equalTo(2))
                .body("card.due", equalTo(t1.plus(Duration.ofDays(2)).toString()));
        Instant t2 = t1.plus(Duration.ofDays(2));
        fixClock(t2);
        // due again: first in the queue (most overdue first)
        get(student, "/api/v1/quiz/review/queue").body("dueCount", equalTo(1)).body("items[0].card.id",
                equalTo(cardId));
        post(student, "{\"rating\": \"again\"}", "/api/v1/quiz/review/cards/{id}/reviews", cardId).statusCode(200)
                .body("card.state", equalTo("relearning"))
                .body("card.lapses", equalTo(1))
                .body("card.due", equalTo(t2.plus(Duration.ofMinutes(10)).toString()));
        get(student, "/api/v1/quiz/review/stats").statusCode(200)
                .body("reviewsPerDay.reviews.sum()", equalTo(3))
                .body("cardsByState.relearning", equalTo(1))
                .body("cardsByState.new", equalTo(2))
                .body("desiredRetention", equalTo(0.9f))
                .body("trueRetention", equalTo(0.0f))
                .body("forecast.size()", equalTo(30));
    }

    private UUID documentId(Users student) {
        return DocumentsApi.uploadIndexed(student, "Cell Biology", StudyPdf.cellBiologyPages());
    }

    @Test
    void aTypedAnswerIsGradedAndSuggestsTheRating() {
        Users student = Users.random();
        missEverything(student, documentId(student), 4);
        JsonPath card = get(student, "/api/v1/quiz/review/queue").extract().jsonPath();
        String cardId = card.getString("items[0].card.id");
        String answer = card.getString("items[0].card.answer");
        post(student, "{\"answer\": \"" + answer.replace("\"", "\\\"") + "\"}",
                "/api/v1/quiz/review/cards/{id}/reviews", cardId).statusCode(200)
                .body("answerCorrect", equalTo(true))
                .body("suggestedRating", equalTo("good"))
                .body("rating", equalTo("good"));
        String second = card.getString("items[1].card.id");
        post(student, "{\"answer\": \"zebra crossing\", \"rating\": \"hard\"}",
                "/api/v1/quiz/review/cards/{id}/reviews", second).statusCode(200)
                .body("answerCorrect", equalTo(false))
                .body("suggestedRating", equalTo("again"))
                .body("rating", equalTo("hard"));
    }

    @Test
    void dailyLimitsAndTheDocumentFilterShapeTheQueue() {
        Users student = Users.random();
        UUID document = documentId(student);
        missEverything(student, document, 5);
        QuizApi.as(student).contentType(ContentType.JSON).body("{\"newPerDay\": 2, \"timeZone\": \"Europe/Berlin\"}")
                .put("/api/v1/quiz/review/settings").then().statusCode(200)
                .body("newPerDay", equalTo(2)).body("timeZone", equalTo("Europe/Berlin"))
                .body("desiredRetention", equalTo(0.9f)).body("reviewsPerDay", equalTo(200));
        get(student, "/api/v1/quiz/review/queue").body("newCount", equalTo(2)).body("newLeft", equalTo(2));
        String first = get(student, "/api/v1/quiz/review/queue").extract().path("items[0].card.id");
        post(student, "{\"rating\": \"easy\"}", "/api/v1/quiz/review/cards/{id}/reviews", first).statusCode(200)
                .body("card.state", equalTo("review"));
        get(student, "/api/v1/quiz/review/queue").body("newCount", equalTo(1)).body("newLeft", equalTo(1))
                .body("items.card.id", not(hasItem(first)));
        get(student, "/api/v1/quiz/review/queue?documentId={d}", UUID.randomUUID()).statusCode(200)
                .body("items.size()", equalTo(0));
        get(student, "/api/v1/quiz/review/cards?documentId={d}&state=new", document).body("total", equalTo(4));
    }

    @Test
    void suspendedCardsLeaveTheQueueAndDeletedOnesAreGone() {
        Users student = Users.random();
        missEverything(student, documentId(student), 3);
        List<String> ids = get(student, "/api/v1/quiz/review/queue").extract().jsonPath().getList("items.card.id");
        post(student, "{}", "/api/v1/quiz/review/cards/{id}/suspend", ids.get(0)).statusCode(200)
                .body("suspended", equalTo(true)).body("suspendedReason", equalTo("user"));
        get(student, "/api/v1/quiz/review/queue").body("items.card.id", not(hasItem(ids.get(0))));
        post(student, "{\"rating\": \"good\"}", "/api/v1/quiz/review/cards/{id}/reviews", ids.get(0)).statusCode(400);
        post(student, "{}", "/api/v1/quiz/review/cards/{id}/unsuspend", ids.get(0)).statusCode(200)
                .body("suspended", equalTo(false));
        get(student, "/api/v1/quiz/review/queue").body("items.card.id", hasItem(ids.get(0)));
        QuizApi.as(student).delete("/api/v1/quiz/review/cards/{id}", ids.get(1)).then().statusCode(204);
        get(student, "/api/v1/quiz/review/cards/{id}", ids.get(1)).statusCode(404);
        get(student, "/api/v1/quiz/review/stats").body("cardsByState.new", equalTo(2));
    }

    @Test
    void anotherUsersCardsAre404AndInvisible() {
        missEverything(user, documentId, 2);
        String cardId = get(user, "/api/v1/quiz/review/queue").extract().path("items[0].card.id");
        Users stranger = Users.random();
        get(stranger, "/api/v1/quiz/review/cards/{id}", cardId).statusCode(404)
                .contentType("application/problem+json");
        post(stranger, "{\"rating\": \"good\"}", "/api/v1/quiz/review/cards/{id}/reviews", cardId).statusCode(404);
        post(stranger, "{}", "/api/v1/quiz/review/cards/{id}/suspend", cardId).statusCode(404);
        QuizApi.as(stranger).delete("/api/v1/quiz/review/cards/{id}", cardId).then().statusCode(404);
        get(stranger, "/api/v1/quiz/review/queue").body("items.size()", equalTo(0));
        get(stranger, "/api/v1/quiz/review/cards").body("total", equalTo(0));
        String questionId = get(user, "/api/v1/quiz/review/cards/{id}", cardId).extract().path("questionId");
        post(stranger, "{\"questionId\": \"" + questionId + "\"}", "/api/v1/quiz/review/cards/from-question")
                .statusCode(404);
        post(stranger, "{\"documentId\": \"" + documentId + "\", \"page\": 1, \"quote\": \"cell\"}",
                "/api/v1/quiz/review/cards/from-citation").statusCode(404);
        get(user, "/api/v1/quiz/review/cards/{id}", cardId).statusCode(200);
    }

    @Test
    void badInputIs400ProblemJson() {
        String cardId = UUID.randomUUID().toString();
        post(user, "{\"rating\": \"perfect\"}", "/api/v1/quiz/review/cards/{id}/reviews", cardId).statusCode(400)
                .contentType("application/problem+json");
        missEverything(user, documentId, 1);
        String real = get(user, "/api/v1/quiz/review/queue").extract().path("items[0].card.id");
        post(user, "{}", "/api/v1/quiz/review/cards/{id}/reviews", real).statusCode(400)
                .contentType("application/problem+json");
        post(user, "{\"rating\": \"good\"}", "/api/v1/quiz/review/cards/{id}/reviews", cardId).statusCode(404);
        post(user, "{\"rating\": 7}", "/api/v1/quiz/review/cards/{id}/reviews", real).statusCode(400);
        get(user, "/api/v1/quiz/review/cards/not-a-uuid").statusCode(404);
        get(user, "/api/v1/quiz/review/queue?limit=0").statusCode(400);
        get(user, "/api/v1/quiz/review/cards?state=sleeping").statusCode(400);
        for (String body : List.of("{\"desiredRetention\": 0.5}", "{\"desiredRetention\": 0.99}",
                "{\"newPerDay\": -1}", "{\"timeZone\": \"Mars/Olympus\"}", "[]")) {
            QuizApi.as(user).contentType(ContentType.JSON).body(body).put("/api/v1/quiz/review/settings").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        post(user, "{\"documentIds\": []}", "/api/v1/quiz/review/flashcards").statusCode(400);
        post(user, "{\"questionId\": \"" + UUID.randomUUID() + "\"}", "/api/v1/quiz/review/cards/from-question")
                .statusCode(404);
        get(user, "/api/v1/quiz/review/settings").statusCode(200).body("desiredRetention", equalTo(0.9f));
    }

    @Test
    void aQuestionSavedByChoiceIsOneCard() {
        Users student = Users.random();
        UUID document = documentId(student);
        JsonPath quiz = QuizApi.generate(student, QuizApi.generateJson(document, 2, "easy")).statusCode(201)
                .extract().jsonPath();
        String questionId = quiz.getString("questions[0].id");
        // before an attempt the answer is not shown anywhere: no card yet
        post(student, "{\"questionId\": \"" + questionId + "\"}", "/api/v1/quiz/review/cards/from-question")
                .statusCode(409);
        String keyed = QuizApi.submit(student, UUID.fromString(quiz.getString("id")),
                "{\"answers\": [], \"timeSpentSeconds\": 1}").statusCode(201)
                .extract().path("results[0].correctAnswer");
        // the attempt missed it: its card exists, so saving it finds that card
        post(student, "{\"questionId\": \"" + questionId + "\"}", "/api/v1/quiz/review/cards/from-question")
                .statusCode(200).body("questionId", equalTo(questionId)).body("answer", equalTo(keyed));
        get(student, "/api/v1/quiz/review/cards").body("total", equalTo(2));
    }

    @Test
    void aCitationBecomesACardOnlyWhenItsQuoteIsOnThePage() {
        Users student = Users.random();
        UUID document = documentId(student);
        String page = DocumentsApi.pageText(student, document, 1);
        String sentence = page.substring(0, page.indexOf('.') + 1).strip();
        int start = page.indexOf(sentence);
        String json = "{\"documentId\": \"" + document + "\", \"page\": 1, \"quote\": \""
                + sentence.replace("\"", "\\\"").replace("\n", " ") + "\"}";
        post(student, json, "/api/v1/quiz/review/cards/from-citation").statusCode(201)
                .body("origin", equalTo("citation")).body("source.page", equalTo(1))
                .body("source.startOffset", equalTo(start))
                .body("prompt", notNullValue()).body("answer", notNullValue());
        post(student, json, "/api/v1/quiz/review/cards/from-citation").statusCode(200);
        post(student, "{\"documentId\": \"" + document + "\", \"page\": 1, \"quote\": \"Photosynthesis happens in"
                + " the mitochondria of zebras.\"}", "/api/v1/quiz/review/cards/from-citation").statusCode(422)
                .contentType("application/problem+json");
        post(student, "{\"documentId\": \"" + document + "\", \"page\": 1, \"quote\": \"" + sentence
                .replace("\"", "\\\"").replace("\n", " ") + "\", \"startOffset\": " + (start + 3) + ", \"endOffset\": "
                + (start + 3 + sentence.length()) + "}", "/api/v1/quiz/review/cards/from-citation").statusCode(422);
        post(student, "{\"documentId\": \"" + document + "\", \"page\": 999, \"quote\": \"cell\"}",
                "/api/v1/quiz/review/cards/from-citation").statusCode(404);
        post(student, "{\"documentId\": \"" + document + "\", \"page\": 1, \"quote\": \"" + sentence
                .replace("\"", "\\\"").replace("\n", " ") + "\", \"prompt\": \"What opens page one?\"}",
                "/api/v1/quiz/review/cards/from-citation").statusCode(201)
                .body("prompt", equalTo("What opens page one?"));
    }

    @Test
    void flashcardsHaveTheirAnswersOnTheirPagesAndNoDuplicates() {
        Users student = Users.random();
        UUID document = documentId(student);
        JsonPath made = post(student, "{\"documentIds\": [\"" + document + "\"], \"count\": 12}",
                "/api/v1/quiz/review/flashcards").statusCode(201)
                .body("created.size()", greaterThan(0))
                .body("created.origin", everyItem(equalTo("flashcard")))
                .body("generator", equalTo("lectavera-offline"))
                .extract().jsonPath();
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> card : made.<Map<String, Object>>getList("created")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) card.get("source");
            String page = DocumentsApi.pageText(student, document, (Integer) source.get("page"));
            assertTrue(TextNormalizer.occursIn((String) card.get("answer"), page), "answer on its page: " + card);
            assertTrue(keys.add(TextNormalizer.normalizeLenient((String) card.get("prompt"))), "duplicate: " + card);
        }
        int first = made.getList("created").size();
        JsonPath again = post(student, "{\"documentIds\": [\"" + document + "\"], \"count\": 12}",
                "/api/v1/quiz/review/flashcards").statusCode(201).extract().jsonPath();
        assertTrue(again.getInt("duplicates") > 0, "the same documents again: the cards made before are not remade");
        for (Map<String, Object> card : again.<Map<String, Object>>getList("created")) {
            assertFalse(keys.contains(TextNormalizer.normalizeLenient((String) card.get("prompt"))));
        }
        get(student, "/api/v1/quiz/review/cards?documentId={d}", document).body("total",
                equalTo(first + again.getList("created").size()));
        post(student, "{\"documentIds\": [\"" + UUID.randomUUID() + "\"]}", "/api/v1/quiz/review/flashcards")
                .statusCode(404);
    }
}
