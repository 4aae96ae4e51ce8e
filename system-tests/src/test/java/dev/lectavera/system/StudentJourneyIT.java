package dev.lectavera.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A student's journey through the gateway only, against the six real processes: each step's
 * effect crosses services (auth → gateway, document-service → Kafka → analytics-service).
 */
@ExtendWith(LectaVeraSystem.class)
class StudentJourneyIT {

    private static final Duration PROCESSING = Duration.ofMinutes(2);

    @Test
    void registerUploadSearchAndSeeProgress(LectaVeraSystem.Running system) {
        String email = "student-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery staple";

        given(system).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "fullName", "Ada Student"))
                .post("/api/v1/auth/register").then().statusCode(201);
        Response login = given(system).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login");
        login.then().statusCode(200).body("tokenType", equalTo("Bearer"));
        String token = login.path("accessToken");

        given(system).auth().oauth2(token).get("/api/v1/users/me").then()
                .statusCode(200).body("email", equalTo(email));

        String documentId = given(system).auth().oauth2(token)
                .multiPart("file", "cells.pdf", StudyPdf.unique(), "application/pdf")
                .multiPart("title", "Cell biology")
                .post("/api/v1/documents")
                .then().statusCode(202).extract().path("id");

        await("document indexed").atMost(PROCESSING).untilAsserted(() ->
                given(system).auth().oauth2(token).get("/api/v1/documents/" + documentId + "/status")
                        .then().statusCode(200).body("status", equalTo("INDEXED")));

        given(system).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("query", "Which organelle produces ATP?", "topK", 3))
                .post("/api/v1/documents/search")
                .then().statusCode(200)
                .body("results[0].documentId", equalTo(documentId))
                .body("results[0].page", equalTo(3));

        // DocumentIndexed went from document-service's outbox through Kafka to analytics-service.
        await("analytics saw the document").atMost(PROCESSING).untilAsserted(() ->
                given(system).auth().oauth2(token).get("/api/v1/analytics/overview").then()
                        .statusCode(200)
                        .body("documentsIndexed", equalTo(1))
                        .body("pagesIndexed", equalTo(StudyPdf.PAGES.size())));

        given(system).auth().oauth2(token).post("/api/v1/auth/logout").then().statusCode(204);
        // refused as soon as the revocation notice reaches the gateway's mirror (well within a second)
        await("the logged-out token is refused").atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                given(system).auth().oauth2(token).get("/api/v1/users/me").then().statusCode(401));
    }

    @Test
    void anotherStudentCannotSeeTheDocument(LectaVeraSystem.Running system) {
        String owner = registerAndLogin(system);
        String stranger = registerAndLogin(system);
        String documentId = given(system).auth().oauth2(owner)
                .multiPart("file", "cells.pdf", StudyPdf.unique(), "application/pdf")
                .post("/api/v1/documents")
                .then().statusCode(202).body("id", notNullValue()).extract().path("id");

        for (String path : new String[]{"", "/status", "/file", "/pages/1"}) {
            given(system).auth().oauth2(stranger).get("/api/v1/documents/" + documentId + path)
                    .then().statusCode(404);
        }
        given(system).auth().oauth2(stranger).delete("/api/v1/documents/" + documentId).then().statusCode(404);
        given(system).auth().oauth2(owner).get("/api/v1/documents").then()
                .statusCode(200).body("items.id", hasItem(documentId));
    }

    @Test
    void withoutATokenOnlyThePublicRoutesAnswer(LectaVeraSystem.Running system) {
        given(system).get("/.well-known/jwks.json").then().statusCode(200).body("keys[0].kty", equalTo("RSA"));
        for (String path : new String[]{"/api/v1/users/me", "/api/v1/documents", "/api/v1/study/sessions",
                "/api/v1/quiz", "/api/v1/analytics/overview"}) {
            given(system).get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    private static String registerAndLogin(LectaVeraSystem.Running system) {
        String email = "student-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery staple";
        given(system).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "fullName", "Test Student"))
                .post("/api/v1/auth/register").then().statusCode(201);
        return given(system).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    private static RequestSpecification given(LectaVeraSystem.Running system) {
        return io.restassured.RestAssured.given().baseUri(system.gateway().toString());
    }
}
