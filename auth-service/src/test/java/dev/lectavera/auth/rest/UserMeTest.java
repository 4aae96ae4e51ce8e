package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class UserMeTest {

    private static final String NEW_PASSWORD = "quite a different passphrase 7";

    @Test
    void meReturnsTheCallersOwnAccount() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        Api.me(Api.loginOk(email, PASSWORD).accessToken())
                .statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("email", equalTo(email))
                .body("fullName", equalTo("Ada Lovelace"))
                .body("emailVerified", equalTo(false))
                .body("passwordHash", nullValue());
    }

    @Test
    void meWithoutATokenIs401() {
        given().get("/api/v1/users/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void patchChangesTheFullName() {
        String email = randomEmail();
        Api.registerUser(email);
        String access = Api.loginOk(email, PASSWORD).accessToken();

        patch(access, Map.of("fullName", "  Augusta Ada King ")).statusCode(200)
                .body("fullName", equalTo("Augusta Ada King"));
        Api.me(access).body("fullName", equalTo("Augusta Ada King"));
        // merge-patch: an absent field changes nothing
        given().auth().oauth2(access).contentType("application/merge-patch+json").body("{}")
                .patch("/api/v1/users/me").then().statusCode(200).body("fullName", equalTo("Augusta Ada King"));
    }

    @Test
    void badPatchInputIs400NamingTheField() {
        String email = randomEmail();
        Api.registerUser(email);
        String access = Api.loginOk(email, PASSWORD).accessToken();

        patch(access, Map.of("fullName", "x".repeat(201))).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("fullName"));
        patch(access, Map.of("fullName", "   ")).statusCode(400).body("violations.field", hasItem("fullName"));
        patch(access, Map.of("email", "other@example.test")).statusCode(400).body("field", equalTo("email"));
        given().auth().oauth2(access).contentType(ContentType.JSON).body("{\"fullName\": ")
                .patch("/api/v1/users/me").then().statusCode(400).contentType("application/problem+json");
        Api.me(access).body("fullName", equalTo("Ada Lovelace"));
    }

    @Test
    void changePasswordEndsEverySessionThisOneToo() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens current = Api.loginOk(email, PASSWORD);
        Api.Tokens other = Api.loginOk(email, PASSWORD);

        changePassword(current.accessToken(), PASSWORD, NEW_PASSWORD).statusCode(204);

        Api.refresh(other.refreshToken()).statusCode(401);
        Api.refresh(current.refreshToken()).statusCode(401);
        Api.me(other.accessToken()).statusCode(401);
        Api.me(current.accessToken()).statusCode(401);
        Api.login(email, PASSWORD).statusCode(401);
        Api.me(Api.loginOk(email, NEW_PASSWORD).accessToken()).statusCode(200);
    }

    @Test
    void changePasswordNeedsTheCurrentPassword() {
        String email = randomEmail();
        Api.registerUser(email);
        String access = Api.loginOk(email, PASSWORD).accessToken();

        changePassword(access, "not the password at all", NEW_PASSWORD).statusCode(403)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("currentPassword"));
        Api.login(email, PASSWORD).statusCode(200);
    }

    @Test
    void changePasswordAppliesThePolicy() {
        String email = randomEmail();
        Api.registerUser(email);
        String access = Api.loginOk(email, PASSWORD).accessToken();

        changePassword(access, PASSWORD, "1234567890").statusCode(400)
                .body("violations.field", hasItem("newPassword"));
        changePassword(access, PASSWORD, "short").statusCode(400)
                .body("violations.field", hasItem("newPassword"));
        Api.login(email, PASSWORD).statusCode(200);
    }

    private static ValidatableResponse patch(String access, Map<String, Object> body) {
        return given().auth().oauth2(access).contentType(ContentType.JSON).body(body)
                .patch("/api/v1/users/me").then();
    }

    private static ValidatableResponse changePassword(String access, String current, String next) {
        return given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next))
                .post("/api/v1/users/me/password").then();
    }
}
