package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.auth.support.RedisDownProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * With Redis unreachable the account-wide mark cannot reach the other services, but it is in PostgreSQL: auth-service
 * itself still refuses the user's older tokens, and the change does not fail.
 */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
class RedisDownRevocationTest {

    @Test
    void passwordChangeStillVoidsOlderTokensHere() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens old = Api.loginOk(email, PASSWORD);
        String newPassword = "quite a different passphrase 7";

        given().auth().oauth2(old.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", newPassword))
                .post("/api/v1/users/me/password").then().statusCode(204);

        Api.me(old.accessToken()).statusCode(401).contentType("application/problem+json");
        Api.refresh(old.refreshToken()).statusCode(401);
        Api.me(Api.loginOk(email, newPassword).accessToken()).statusCode(200).body("email", equalTo(email));
    }
}
