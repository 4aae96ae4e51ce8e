package dev.lectavera.auth.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class RequestIdTest {

    @Test
    void incomingRequestIdIsEchoedAndPutInProblems() {
        given().header("X-Request-Id", "req-123.abc").get("/api/v1/users/me").then()
                .statusCode(401)
                .header("X-Request-Id", "req-123.abc")
                .body("requestId", equalTo("req-123.abc"));
    }

    @Test
    void missingRequestIdIsGenerated() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void malformedRequestIdIsReplaced() {
        given().header("X-Request-Id", "evil\u0001id with spaces").get("/.well-known/jwks.json").then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
