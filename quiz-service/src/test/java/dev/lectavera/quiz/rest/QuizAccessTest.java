package dev.lectavera.quiz.rest;

import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.StudyPdf;
import dev.lectavera.quiz.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/** Another user's quiz is a 404 everywhere; bad requests are clear 4xx problems and store nothing. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuizAccessTest {

    private static final String PROBLEM = "application/problem+json";

    private Users owner;
    private UUID documentId;
    private UUID quizId;
    private String questionId;
    private String attemptId;

    @BeforeAll
    void uploadStudyText() {
        owner = Users.random();
        documentId = DocumentsApi.uploadIndexed(owner, "Cell Biology", StudyPdf.cellBiologyPages());
    }

    /** Once per class, but in a test's context: RestAssured points at quiz-service only while a test runs. */
    @BeforeEach
    void quizWithAnAttempt() {
        if (quizId != null) {
            return;
        }
        quizId = UUID.fromString(QuizApi.generate(owner, QuizApi.generateJson(documentId, 4, "easy")).statusCode(201)
                .extract().path("id"));
        questionId = QuizApi.as(owner).get("/api/v1/quiz/{id}", quizId).then().statusCode(200)
                .extract().path("questions[0].id");
        attemptId = QuizApi.submit(owner, quizId, "{\"answers\": [], \"timeSpentSeconds\": 3}").statusCode(201)
                .extract().path("id");
    }

    @Test
    void anotherUsersQuizAndAttemptsAreNotFound() {
        Users stranger = Users.random();
        QuizApi.as(stranger).get("/api/v1/quiz/{id}", quizId).then().statusCode(404).contentType(PROBLEM);
        QuizApi.submit(stranger, quizId, "{\"answers\": [], \"timeSpentSeconds\": 3}").statusCode(404);
        QuizApi.as(stranger).get("/api/v1/quiz/{id}/attempts", quizId).then().statusCode(404);
        QuizApi.as(stranger).get("/api/v1/quiz/{id}/attempts/{a}", quizId, attemptId).then().statusCode(404);
        QuizApi.as(stranger).get("/api/v1/quiz").then().statusCode(200).body("total", equalTo(0));
        // and the owner still sees everything
        QuizApi.as(owner).get("/api/v1/quiz/{id}/attempts/{a}", quizId, attemptId).then().statusCode(200);
    }

    @Test
    void unknownIdsAreNotFound() {
        QuizApi.as(owner).get("/api/v1/quiz/{id}", UUID.randomUUID()).then().statusCode(404);
        QuizApi.as(owner).get("/api/v1/quiz/{id}/attempts/{a}", quizId, UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aDocumentOfAnotherUserIsNotFoundAndNamed() {
        Users stranger = Users.random();
        QuizApi.generate(stranger, QuizApi.generateJson(documentId, 5, "easy"))
                .statusCode(404).contentType(PROBLEM)
                .body("detail", containsString(documentId.toString()))
                .body("documentId", equalTo(documentId.toString()));
        QuizApi.as(stranger).get("/api/v1/quiz").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aDocumentThatIsNotIndexedIsABadRequestNamingIt() {
        UUID failed = DocumentsApi.upload(owner, "Blank", List.of(""));
        DocumentsApi.awaitStatus(owner, failed, "FAILED");
        QuizApi.generate(owner, "{\"documentIds\":[\"" + documentId + "\",\"" + failed + "\"],\"count\":5}")
                .statusCode(400).contentType(PROBLEM)
                .body("detail", containsString(failed.toString()))
                .body("documentId", equalTo(failed.toString()))
                .body("documentStatus", equalTo("FAILED"));
    }

    @Test
    void countOutOfRangeUnknownTypeAndDifficultyAreBadRequests() {
        QuizApi.generate(owner, QuizApi.generateJson(documentId, 0, "easy")).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(containsString("count")));
        QuizApi.generate(owner, QuizApi.generateJson(documentId, 500, "easy")).statusCode(400)
                .body("violations.field", hasItem(containsString("count")));
        QuizApi.generate(owner, QuizApi.generateJson(documentId, 5, "easy", "essay")).statusCode(400)
                .body("violations.field", hasItem(containsString("types")));
        QuizApi.generate(owner, QuizApi.generateJson(documentId, 5, "impossible")).statusCode(400)
                .body("violations.field", hasItem(containsString("difficulty")));
        QuizApi.generate(owner, "{\"documentIds\":[],\"count\":5}").statusCode(400)
                .body("violations.field", hasItem(containsString("documentIds")));
        StringBuilder eleven = new StringBuilder("{\"count\":5,\"documentIds\":[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append('"').append(UUID.randomUUID()).append('"');
        }
        QuizApi.generate(owner, eleven.append("]}").toString()).statusCode(400)
                .body("violations.field", hasItem(containsString("documentIds")));
    }

    @Test
    void malformedJsonUnknownFieldsAndBadIdsAreBadRequests() {
        QuizApi.generate(owner, "{\"documentIds\": [").statusCode(400).contentType(PROBLEM);
        QuizApi.generate(owner, "{\"documentIds\":[\"" + documentId + "\"],\"count\":5,\"colour\":\"red\"}")
                .statusCode(400).contentType(PROBLEM);
        QuizApi.generate(owner, "{\"documentIds\":[\"not-a-uuid\"],\"count\":5}").statusCode(400);
        // wrong-shaped JSON: not an object, or a field of the wrong type — problem+json naming the field
        QuizApi.generate(owner, "[]").statusCode(400).contentType(PROBLEM);
        QuizApi.generate(owner, "{\"documentIds\":\"" + documentId + "\",\"count\":5}")
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("documentIds"));
        QuizApi.as(owner).contentType(ContentType.JSON).body("{}").post("/api/v1/quiz/generate").then()
                .statusCode(400);
    }

    @Test
    void badAttemptsAreRejectedAndStoreNothing() {
        QuizApi.submit(owner, quizId, "{\"answers\": [{\"questionId\": \"" + UUID.randomUUID()
                        + "\", \"answer\": \"x\"}], \"timeSpentSeconds\": 3}")
                .statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("is not a question of this quiz"))
                .body("field", equalTo("answers[0].questionId"));
        QuizApi.submit(owner, quizId, "{\"answers\": [{\"questionId\": \"" + questionId + "\", \"answer\": \"a\"},"
                        + " {\"questionId\": \"" + questionId + "\", \"answer\": \"b\"}], \"timeSpentSeconds\": 3}")
                .statusCode(400).body("field", equalTo("answers[1].questionId"));
        QuizApi.submit(owner, quizId, "{\"answers\": [], \"timeSpentSeconds\": -1}").statusCode(400)
                .body("violations.field", hasItem(containsString("timeSpentSeconds")));
        QuizApi.submit(owner, quizId, "{\"answers\": [], \"timeSpentSeconds\": 86401}").statusCode(400);
        QuizApi.submit(owner, quizId, "{\"answers\": []}").statusCode(400);
        QuizApi.submit(owner, quizId, "{\"answers\": [{\"answer\": \"x\"}], \"timeSpentSeconds\": 3}")
                .statusCode(400);
        QuizApi.submit(owner, quizId, "not json").statusCode(400);
        QuizApi.as(owner).get("/api/v1/quiz/{id}/attempts", quizId).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void pagingParametersAreChecked() {
        QuizApi.as(owner).get("/api/v1/quiz?size=0").then().statusCode(400);
        QuizApi.as(owner).get("/api/v1/quiz?page=-1").then().statusCode(400);
        QuizApi.as(owner).get("/api/v1/quiz?size=1").then().statusCode(200)
                .body("size", equalTo(1)).body("items.size()", equalTo(1));
    }

    @Test
    void withoutATokenNothingIsServed() {
        given().get("/api/v1/quiz").then().statusCode(401);
        given().contentType(ContentType.JSON).body(QuizApi.generateJson(documentId, 5, "easy"))
                .post("/api/v1/quiz/generate").then().statusCode(401);
    }

    @Test
    void theRequestIdIsEchoed() {
        QuizApi.as(owner).header("X-Request-Id", "quiz-test-42").get("/api/v1/quiz").then()
                .header("X-Request-Id", equalTo("quiz-test-42"));
        QuizApi.as(owner).get("/api/v1/quiz").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
