package dev.lectavera.quiz.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls quiz-service (the application under test) as the user. */
public final class QuizApi {

    private QuizApi() {
    }

    public static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token());
    }

    public static ValidatableResponse generate(Users user, String json) {
        return as(user).contentType(ContentType.JSON).body(json).post("/api/v1/quiz/generate").then();
    }

    public static String generateJson(UUID documentId, int count, String difficulty, String... types) {
        StringBuilder json = new StringBuilder("{\"documentIds\":[\"" + documentId + "\"],\"count\":" + count
                + ",\"difficulty\":\"" + difficulty + "\"");
        if (types.length > 0) {
            json.append(",\"types\":[");
            for (int i = 0; i < types.length; i++) {
                json.append(i == 0 ? "" : ",").append('"').append(types[i]).append('"');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    public static ValidatableResponse submit(Users user, UUID quizId, String json) {
        return as(user).contentType(ContentType.JSON).body(json).post("/api/v1/quiz/{id}/attempts", quizId).then();
    }
}
