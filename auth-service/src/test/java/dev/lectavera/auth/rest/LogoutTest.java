package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

@QuarkusTest
class LogoutTest {

    private final RedisDataSource redis;

    LogoutTest(RedisDataSource redis) {
        this.redis = redis;
    }

    @Test
    void logoutPutsTheJtiInRedisUntilExpiryAndEndsTheSession() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens tokens = Api.loginOk(email, PASSWORD);
        String jti = (String) Api.claims(tokens.accessToken()).get("jti");

        given().auth().oauth2(tokens.accessToken()).post("/api/v1/auth/logout").then().statusCode(204);

        String key = "lv:revoked:" + jti;
        org.junit.jupiter.api.Assertions.assertEquals("1", redis.value(String.class).get(key));
        assertThat(redis.key().ttl(key), allOf(greaterThan(0L), lessThanOrEqualTo(15 * 60L + 1)));
        // the revoked access token no longer authenticates here either (defence in depth)
        Api.me(tokens.accessToken()).statusCode(401).contentType("application/problem+json");
        // the session's refresh token is revoked (found through the token's sid, no body needed)
        Api.refresh(tokens.refreshToken()).statusCode(401);
    }

    @Test
    void logoutWithARefreshTokenRevokesThatFamilyToo() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens current = Api.loginOk(email, PASSWORD);
        Api.Tokens other = Api.loginOk(email, PASSWORD);
        Api.Tokens untouched = Api.loginOk(email, PASSWORD);

        given().auth().oauth2(current.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", other.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);

        Api.refresh(current.refreshToken()).statusCode(401);
        Api.refresh(other.refreshToken()).statusCode(401);
        Api.refresh(untouched.refreshToken()).statusCode(200);
    }

    @Test
    void someoneElsesRefreshTokenInTheBodyIsIgnored() {
        String mine = randomEmail();
        String theirs = randomEmail();
        Api.registerUser(mine);
        Api.registerUser(theirs);
        Api.Tokens me = Api.loginOk(mine, PASSWORD);
        Api.Tokens them = Api.loginOk(theirs, PASSWORD);

        given().auth().oauth2(me.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", them.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);

        Api.refresh(them.refreshToken()).statusCode(200);
    }

    @Test
    void logoutNeedsAValidAccessToken() {
        given().post("/api/v1/auth/logout").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt").post("/api/v1/auth/logout").then().statusCode(401);
    }

    @Test
    void logoutTwiceWithTheSameTokenIs401TheSecondTime() {
        String email = randomEmail();
        Api.registerUser(email);
        String access = Api.loginOk(email, PASSWORD).accessToken();
        given().auth().oauth2(access).post("/api/v1/auth/logout").then().statusCode(204);
        given().auth().oauth2(access).post("/api/v1/auth/logout").then().statusCode(401)
                .body("status", equalTo(401));
    }
}
