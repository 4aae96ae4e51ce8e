package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class LoginTest {

    @Test
    void loginIssuesBearerTokensAndForbidsCaching() {
        String email = randomEmail();
        Api.registerUser(email);
        JsonPath body = Api.login(email, PASSWORD)
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract().jsonPath();
        // 256 random bits, base64url without padding
        assertThat(body.getString("refreshToken"), matchesPattern("[A-Za-z0-9_-]{43}"));
        Api.me(body.getString("accessToken")).statusCode(200).body("email", equalTo(email));
    }

    @Test
    void accessTokenFollowsTheCrossServiceContract() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        String token = Api.loginOk(email, PASSWORD).accessToken();

        Map<String, Object> header = Api.header(token);
        assertEquals("RS256", header.get("alg"));
        String jwksKid = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys[0].kid");
        assertEquals(jwksKid, header.get("kid"));

        Map<String, Object> claims = Api.claims(token);
        assertEquals("lectavera-auth", claims.get("iss"));
        assertEquals("lectavera-api", claims.get("aud"));
        assertEquals(id.toString(), claims.get("sub"));
        assertEquals(email, claims.get("upn"));
        assertEquals(email, claims.get("email"));
        assertEquals(List.of("user"), claims.get("groups"));
        assertEquals(900, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
        UUID.fromString((String) claims.get("jti"));
        UUID.fromString((String) claims.get("sid"));
    }

    @Test
    void everyLoginGetsItsOwnTokenIds() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens first = Api.loginOk(email, PASSWORD);
        Api.Tokens second = Api.loginOk(email, PASSWORD);
        assertNotEquals(Api.claims(first.accessToken()).get("jti"), Api.claims(second.accessToken()).get("jti"));
        assertNotEquals(Api.claims(first.accessToken()).get("sid"), Api.claims(second.accessToken()).get("sid"));
        assertNotEquals(first.refreshToken(), second.refreshToken());
    }

    @Test
    void emailIsMatchedIgnoringCase() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.login(email.toUpperCase(), PASSWORD).statusCode(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        String email = randomEmail();
        Api.registerUser(email);
        Map<String, Object> wrongPassword = Api.login(email, PASSWORD + "!")
                .statusCode(401).contentType("application/problem+json")
                .extract().jsonPath().getMap("$");
        Map<String, Object> unknownEmail = Api.login(randomEmail(), PASSWORD)
                .statusCode(401).contentType("application/problem+json")
                .extract().jsonPath().getMap("$");
        for (String member : List.of("type", "title", "status", "detail")) {
            assertEquals(wrongPassword.get(member), unknownEmail.get(member), member);
        }
        assertEquals("Invalid email or password", wrongPassword.get("detail"));
    }

    @Test
    void badLoginInputIs400NamingTheField() {
        Api.login("not-an-email", PASSWORD).statusCode(400).body("violations.field", hasItem("email"));
        Api.login(randomEmail(), "").statusCode(400).body("violations.field", hasItem("password"));
        given().contentType(ContentType.JSON).body(Map.of("email", randomEmail(), "password", "x", "remember", true))
                .post("/api/v1/auth/login").then().statusCode(400).body("field", equalTo("remember"));
    }

    @Test
    void staleTokenOnAPublicEndpointIsIgnored() {
        String email = randomEmail();
        Api.registerUser(email);
        given().auth().oauth2("garbage.token.value").contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200)
                .body("accessToken", not(equalTo(null)));
    }
}
