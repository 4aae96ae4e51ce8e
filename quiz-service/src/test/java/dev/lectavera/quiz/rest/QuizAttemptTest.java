package dev.lectavera.quiz.rest;

import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.StudyPdf;
import dev.lectavera.quiz.support.Users;
import dev.lectavera.quiz.text.TextNormalizer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attempts graded against the answer keys: all right, all wrong, partly right; lists and best scores. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuizAttemptTest {

    private Users user;
    private UUID documentId;

    @BeforeAll
    void uploadStudyText() {
        user = Users.random();
        documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
    }

    /** A new 8-question quiz and its answer keys (by question id, in quiz order), revealed by a blank attempt. */
    private record Keyed(UUID quizId, Map<String, String> keys, Map<String, String> types,
                         Map<String, List<String>> options) {
    }

    private Keyed keyedQuiz(String difficulty) {
        JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(documentId, 8, difficulty)).statusCode(201)
                .extract().jsonPath();
        UUID quizId = UUID.fromString(quiz.getString("id"));
        JsonPath blank = QuizApi.submit(user, quizId, "{\"answers\": [], \"timeSpentSeconds\": 0}").statusCode(201)
                .extract().jsonPath();
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (Map<String, Object> result : blank.<Map<String, Object>>getList("results")) {
            String id = (String) result.get("questionId");
            keys.put(id, (String) result.get("correctAnswer"));
            types.put(id, (String) result.get("type"));
            @SuppressWarnings("unchecked")
            List<String> choices = (List<String>) result.get("options");
            options.put(id, choices);
        }
        return new Keyed(quizId, keys, types, options);
    }

    private static String answersJson(Map<String, String> answers, int seconds) {
        StringBuilder json = new StringBuilder("{\"answers\": [");
        boolean first = true;
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            json.append(first ? "" : ",").append("{\"questionId\": \"").append(answer.getKey())
                    .append("\", \"answer\": \"").append(answer.getValue().replace("\"", "\\\"")).append("\"}");
            first = false;
        }
        return json.append("], \"timeSpentSeconds\": ").append(seconds).append('}').toString();
    }

    /** A wrong answer of the right form: another option, the other truth value, or a made-up word. */
    private static String wrong(Keyed quiz, String questionId) {
        String key = quiz.keys().get(questionId);
        return switch (quiz.types().get(questionId)) {
            case "true_false" -> key.equals("true") ? "false" : "true";
            case "multiple_choice" -> quiz.options().get(questionId).stream().filter(o -> !o.equals(key))
                    .findFirst().orElseThrow();
            default -> "zebra crossing";
        };
    }

    @Test
    void allRightScoresFull() {
        Keyed quiz = keyedQuiz("medium");
        JsonPath attempt = QuizApi.submit(user, quiz.quizId(), answersJson(quiz.keys(), 420)).statusCode(201)
                .header("Location", containsString("/attempts/"))
                .body("score", equalTo(8.0f))
                .body("maxScore", equalTo(8.0f))
                .body("percent", equalTo(100.0f))
                .body("timeSpentSeconds", equalTo(420))
                .body("results.correct", everyItem(equalTo(true)))
                .body("results.explanation", everyItem(notNullValue()))
                .body("results.source.passage", everyItem(notNullValue()))
                .body("results.source.passageMasked", everyItem(equalTo(false)))
                .extract().jsonPath();
        assertEquals(List.copyOf(quiz.keys().values()), attempt.getList("results.yourAnswer"));
        assertEquals(List.copyOf(quiz.keys().values()), attempt.getList("results.correctAnswer"));
    }

    @Test
    void allWrongScoresNothingAndShowsTheRightAnswers() {
        Keyed quiz = keyedQuiz("easy");
        Map<String, String> answers = new LinkedHashMap<>();
        quiz.keys().keySet().forEach(id -> answers.put(id, wrong(quiz, id)));
        JsonPath attempt = QuizApi.submit(user, quiz.quizId(), answersJson(answers, 60)).statusCode(201)
                .body("score", equalTo(0.0f))
                .body("maxScore", equalTo(8.0f))
                .body("results.correct", everyItem(equalTo(false)))
                .extract().jsonPath();
        assertEquals(List.copyOf(answers.values()), attempt.getList("results.yourAnswer"));
        assertEquals(List.copyOf(quiz.keys().values()), attempt.getList("results.correctAnswer"));
    }

    @Test
    void partlyRightScoresTheRightOnes() {
        Keyed quiz = keyedQuiz("hard");
        Map<String, String> answers = new LinkedHashMap<>();
        int index = 0;
        for (String id : quiz.keys().keySet()) {
            if (index % 2 == 0) {
                answers.put(id, quiz.keys().get(id));
            } else if (index % 4 == 1) {
                answers.put(id, wrong(quiz, id));
            } // the rest is left out: unanswered
            index++;
        }
        JsonPath attempt = QuizApi.submit(user, quiz.quizId(), answersJson(answers, 100)).statusCode(201)
                .body("score", equalTo(4.0f))
                .body("maxScore", equalTo(8.0f))
                .body("percent", equalTo(50.0f))
                .extract().jsonPath();
        List<Boolean> correct = attempt.getList("results.correct");
        assertEquals(List.of(true, false, true, false, true, false, true, false), correct);
        List<String> grading = attempt.getList("results.grading");
        assertEquals("unanswered", grading.get(3));
        assertFalse(attempt.getList("results").get(3).toString().contains("yourAnswer"));
    }

    @Test
    void typedAnswersAreGradedLeniently() {
        Keyed quiz = keyedQuiz("medium");
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> key : quiz.keys().entrySet()) {
            String type = quiz.types().get(key.getKey());
            if (type.equals("fill_in_blank") || type.equals("short_answer")) {
                answers.put(key.getKey(), "  The " + key.getValue().toUpperCase(Locale.ROOT) + "!! ");
            }
        }
        assertFalse(answers.isEmpty());
        JsonPath attempt = QuizApi.submit(user, quiz.quizId(), answersJson(answers, 30)).statusCode(201)
                .body("score", equalTo((float) answers.size()))
                .extract().jsonPath();
        for (Map<String, Object> result : attempt.<Map<String, Object>>getList("results")) {
            if (answers.containsKey((String) result.get("questionId"))) {
                assertEquals(true, result.get("correct"));
                assertEquals("lenient", result.get("grading"));
            }
        }
    }

    @Test
    void attemptsAreListedAndReadBackAndTheQuizListShowsTheBestScore() {
        Keyed quiz = keyedQuiz("medium");
        Map<String, String> half = new LinkedHashMap<>();
        quiz.keys().entrySet().stream().limit(4).forEach(e -> half.put(e.getKey(), e.getValue()));
        String halfId = QuizApi.submit(user, quiz.quizId(), answersJson(half, 90)).statusCode(201)
                .extract().path("id");
        QuizApi.as(user).get("/api/v1/quiz/{id}/attempts", quiz.quizId()).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].id", equalTo(halfId))
                .body("items[0].score", equalTo(4.0f))
                .body("items[1].score", equalTo(0.0f));
        QuizApi.as(user).get("/api/v1/quiz/{id}/attempts/{attemptId}", quiz.quizId(), halfId).then().statusCode(200)
                .body("id", equalTo(halfId))
                .body("score", equalTo(4.0f))
                .body("results.size()", equalTo(8))
                .body("results[0].correctAnswer", notNullValue());
        QuizApi.as(user).get("/api/v1/quiz?size=100").then().statusCode(200)
                .body("items.find { it.id == '" + quiz.quizId() + "' }.attemptCount", equalTo(2))
                .body("items.find { it.id == '" + quiz.quizId() + "' }.bestScore", equalTo(4.0f))
                .body("items.find { it.id == '" + quiz.quizId() + "' }.bestMaxScore", equalTo(8.0f))
                .body("items.find { it.id == '" + quiz.quizId() + "' }.bestPercent", equalTo(50.0f));
        // once attempted, the quiz itself shows its answers and unmasked passages
        QuizApi.as(user).get("/api/v1/quiz/{id}", quiz.quizId()).then().statusCode(200)
                .body("answersRevealed", equalTo(true))
                .body("attemptCount", equalTo(2))
                .body("questions", everyItem(hasKey("answer")))
                .body("questions.source.passageMasked", everyItem(equalTo(false)));
    }

    @Test
    void beforeAnAttemptThePassageHidesTheAnswer() {
        JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(documentId, 6, "medium",
                "fill_in_blank", "short_answer")).statusCode(201).extract().jsonPath();
        UUID quizId = UUID.fromString(quiz.getString("id"));
        List<String> masked = quiz.getList("questions.source.passage");
        QuizApi.as(user).get("/api/v1/quiz/{id}", quizId).then().statusCode(200)
                .body("questions", everyItem(not(hasKey("answer"))))
                .body("questions.source.passage", equalTo(masked));
        JsonPath graded = QuizApi.submit(user, quizId, "{\"answers\": [], \"timeSpentSeconds\": 1}").statusCode(201)
                .extract().jsonPath();
        List<String> keys = graded.getList("results.correctAnswer");
        for (int i = 0; i < keys.size(); i++) {
            assertFalse(TextNormalizer.occursIn(keys.get(i), masked.get(i)),
                    "masked passage shows the answer: " + masked.get(i));
            assertTrue(masked.get(i).contains("_____"));
            assertNotEquals(masked.get(i), graded.getList("results.source.passage").get(i));
        }
    }
}
