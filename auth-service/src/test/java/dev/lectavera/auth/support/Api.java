package dev.lectavera.auth.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Stateless helpers for calling auth-service's HTTP API in tests. */
public final class Api {

    /** Long, not in the common-password list. */
    public static final String PASSWORD = "correct horse battery staple 42";

    private Api() {
    }

    public static String randomEmail() {
        return "user-" + UUID.randomUUID() + "@example.test";
    }

    public static ValidatableResponse register(String email, String password, String fullName) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "fullName", fullName))
                .post("/api/v1/auth/register").then();
    }

    /** Registers a fresh user and returns its id. */
    public static UUID registerUser(String email) {
        return UUID.fromString(register(email, PASSWORD, "Ada Lovelace").statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then();
    }

    public static Tokens loginOk(String email, String password) {
        var body = login(email, password).statusCode(200).extract().jsonPath();
        return new Tokens(body.getString("accessToken"), body.getString("refreshToken"));
    }

    public static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh").then();
    }

    public static ValidatableResponse me(String accessToken) {
        return given().auth().oauth2(accessToken).get("/api/v1/users/me").then();
    }

    /** The decoded JSON payload of a JWT (no verification: for assertions only). */
    public static Map<String, Object> claims(String jwt) {
        return decodePart(jwt.split("\\.")[1]);
    }

    public static Map<String, Object> header(String jwt) {
        return decodePart(jwt.split("\\.")[0]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decodePart(String part) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8), Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record Tokens(String accessToken, String refreshToken) {
    }
}
