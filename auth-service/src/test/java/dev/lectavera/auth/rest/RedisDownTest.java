package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.auth.support.RedisDownProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static dev.lectavera.testsupport.ops.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Redis is an optional speed-up: with it unreachable, logout still succeeds and tokens still work. */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
class RedisDownTest {

    @Test
    void logoutSucceedsAndRevokesTheRefreshTokenWhenRedisIsDown() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens tokens = Api.loginOk(email, PASSWORD);

        given().auth().oauth2(tokens.accessToken()).post("/api/v1/auth/logout").then().statusCode(204);

        // the session (Postgres) is over ...
        Api.refresh(tokens.refreshToken()).statusCode(401);
        // ... but the access token could not be listed as revoked: it lives until it expires (<= 15 min)
        Api.me(tokens.accessToken()).statusCode(200).body("email", equalTo(email));
    }

    @Test
    void readinessStaysUpAndReportsRedisDown() {
        management().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'redis' }.data.redis", equalTo("down, running without cache"));
    }
}
