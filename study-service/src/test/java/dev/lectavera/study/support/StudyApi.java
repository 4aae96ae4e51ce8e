package dev.lectavera.study.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** study-service's REST API at a base URL (the @QuarkusTest application, or a process of the IT). */
public record StudyApi(String baseUrl) {

    public RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token());
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public ValidatableResponse createSession(Users user, String title, List<UUID> documentIds) {
        String ids = documentIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return as(user).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"documentIds\":[" + ids + "]}")
                .post(url("/api/v1/study/sessions")).then();
    }

    /** Creates a session and returns its id (asserting 201). */
    public UUID newSession(Users user, UUID... documentIds) {
        return UUID.fromString(createSession(user, "Session " + UUID.randomUUID(), List.of(documentIds))
                .statusCode(201).extract().path("id"));
    }

    public ValidatableResponse ask(Users user, UUID sessionId, String question) {
        return as(user).contentType(ContentType.JSON)
                .body("{\"content\":" + json(question) + "}")
                .post(url("/api/v1/study/sessions/" + sessionId + "/messages")).then();
    }

    public ValidatableResponse session(Users user, UUID sessionId) {
        return as(user).get(url("/api/v1/study/sessions/" + sessionId)).then();
    }

    public ValidatableResponse messages(Users user, UUID sessionId, String query) {
        return as(user).get(url("/api/v1/study/sessions/" + sessionId + "/messages" + query)).then();
    }

    public ValidatableResponse history(Users user, UUID sessionId) {
        return as(user).get(url("/api/v1/study/sessions/" + sessionId + "/history?limit=500")).then();
    }

    public ValidatableResponse archive(Users user, UUID sessionId) {
        return as(user).post(url("/api/v1/study/sessions/" + sessionId + "/archive")).then();
    }

    public String wsUrl(UUID sessionId, String token) {
        return baseUrl.replaceFirst("^http", "ws") + "/ws/study/" + sessionId + (token == null ? "" : "?token=" + token);
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
