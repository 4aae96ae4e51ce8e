package dev.lectavera.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A registered, logged-in student talking to the gateway: the steps the fault tests share. */
final class Student {

    static final Duration PROCESSING = Duration.ofMinutes(2);
    private static final String PASSWORD = "correct horse battery staple";

    private final URI gateway;
    /** The student's own client address: the tests are the gateway's trusted proxy, as an ingress would be. */
    private final String address;
    final String email;
    final String token;

    private Student(URI gateway, String address, String email, String token) {
        this.gateway = gateway;
        this.address = address;
        this.email = email;
        this.token = token;
    }

    static Student register(LectaVeraSystem.Running system) {
        String email = "student-" + UUID.randomUUID() + "@example.org";
        String address = SweepFixture.newClientAddress();
        RestAssured.given().baseUri(system.gateway().toString()).contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", PASSWORD, "fullName", "Test Student"))
                .post("/api/v1/auth/register").then().statusCode(201);
        return new Student(system.gateway(), address, email, login(system.gateway(), address, email));
    }

    /** A second access token of the same student (e.g. to revoke one and keep the other). */
    String newToken() {
        return login(gateway, address, email);
    }

    private static String login(URI gateway, String address, String email) {
        return RestAssured.given().baseUri(gateway.toString()).contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    /** Changes the password (through the gateway): every token of the student issued until now is void. */
    void changePassword(String newPassword) {
        api().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", newPassword))
                .post("/api/v1/users/me/password").then().statusCode(204);
    }

    RequestSpecification api() {
        return RestAssured.given().baseUri(gateway.toString()).auth().oauth2(token);
    }

    /** Uploads a fresh copy of the study PDF and waits until it is INDEXED; returns its id. */
    String uploadIndexedDocument() {
        String documentId = api().multiPart("file", "cells-" + UUID.randomUUID() + ".pdf", StudyPdf.unique(), "application/pdf")
                .post("/api/v1/documents").then().statusCode(202).extract().path("id");
        awaitIndexed(documentId);
        return documentId;
    }

    void awaitIndexed(String documentId) {
        await("document " + documentId + " indexed").atMost(PROCESSING).untilAsserted(() ->
                api().get("/api/v1/documents/" + documentId + "/status")
                        .then().statusCode(200).body("status", equalTo("INDEXED")));
    }

    String createSession(String... documentIds) {
        return api().contentType(ContentType.JSON)
                .body(Map.of("title", "Revision", "documentIds", List.of(documentIds)))
                .post("/api/v1/study/sessions").then().statusCode(201).extract().path("id");
    }

    /** Asks over HTTP; returns the response (201/200 with {question, answer}, or the problem). */
    Response ask(String sessionId, String question) {
        return api().contentType(ContentType.JSON).body(Map.of("content", question))
                .post("/api/v1/study/sessions/" + sessionId + "/messages");
    }

    /** The session's whole transcript, oldest first: message contents. */
    List<String> transcript(String sessionId) {
        return api().get("/api/v1/study/sessions/" + sessionId + "/history?limit=500")
                .then().statusCode(200).extract().jsonPath().getList("messages.content", String.class);
    }

    /** Straight to one study-service instance, bypassing the gateway (to tell instances apart). */
    URI webSocketOn(LectaVeraSystem.Running system, String instance, String sessionId) {
        URI service = system.service(instance);
        return URI.create("ws://" + service.getHost() + ":" + service.getPort() + "/ws/study/" + sessionId + "?token=" + token);
    }

    URI webSocket(String sessionId) {
        return URI.create("ws://" + gateway.getHost() + ":" + gateway.getPort() + "/ws/study/" + sessionId + "?token=" + token);
    }
}
