package dev.lectavera.analytics.rest;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.testsupport.jwt.AccessTokens;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.query;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class AccessTest extends EventDrivenTest {

    private static final List<String> ENDPOINTS = List.of("/api/v1/analytics/overview",
            "/api/v1/analytics/activity", "/api/v1/analytics/quiz-performance", "/api/v1/analytics/queries");

    AccessTest(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @Test
    void everyEndpointNeedsAValidToken() {
        for (String endpoint : ENDPOINTS) {
            given().get(endpoint).then().statusCode(401);
            given().auth().oauth2("not-a-jwt").get(endpoint).then().statusCode(401);
            given().auth().oauth2(AccessTokens.claims(UUID.randomUUID()).issuer("someone-else").sign()).get(endpoint).then()
                    .statusCode(401);
        }
    }

    @Test
    void eachUserSeesOnlyTheirOwnFigures() {
        UUID owner = UUID.randomUUID();
        List<EventEnvelope<?>> events = List.of(query(owner, Instant.parse("2024-08-01T10:00:00Z")),
                quiz(owner, Instant.parse("2024-08-01T11:00:00Z"), 1, 2, 60));
        kafka.publish(events);
        readModels.awaitProcessed(events);

        getOk(owner, "/api/v1/analytics/overview").body("questionsAsked", equalTo(1)).body("quizzesTaken", equalTo(1));
        UUID other = UUID.randomUUID();
        getOk(other, "/api/v1/analytics/overview").body("questionsAsked", equalTo(0)).body("quizzesTaken", equalTo(0));
        getOk(other, "/api/v1/analytics/queries").body("questions", equalTo(0));
    }

    @Test
    void theRequestIdIsEchoedOrCreated() {
        as(UUID.randomUUID()).header("X-Request-Id", "req-42").get(ENDPOINTS.getFirst()).then()
                .statusCode(200).header("X-Request-Id", "req-42");
        as(UUID.randomUUID()).get(ENDPOINTS.getFirst()).then()
                .statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
