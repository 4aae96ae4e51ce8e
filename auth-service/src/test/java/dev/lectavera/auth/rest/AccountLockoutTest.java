package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.auth.support.MutableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Per-account lockout (defaults: 10 wrong passwords in 15 minutes lock for 1 minute, doubling per lock in a row, up
 * to 15 minutes), whatever the client address, for login and the password-confirming endpoints alike. Time is
 * moved with the clock, never waited for.
 */
@QuarkusTest
class AccountLockoutTest {

    private static final String WRONG = "not the password at all";
    private static final int MAX_FAILURES = 10;

    private MutableClock clock;

    @BeforeEach
    void holdTheClock() {
        // Real time (the access tokens are verified against it), moved by hand; in milliseconds, which PostgreSQL
        // stores exactly (it rounds nanoseconds to microseconds: a lock could outlast its Retry-After by 1 ns).
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void tenWrongPasswordsLockTheAccountFromEveryAddressEvenForTheRightPassword() {
        String email = randomEmail();
        Api.registerUser(email);
        for (int i = 1; i <= MAX_FAILURES; i++) {
            login(email, WRONG, "203.0.113." + i).statusCode(401);
        }

        login(email, PASSWORD, "198.51.100.7").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "60")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:lectavera:problem:too-many-password-attempts"));
        clock.advance(Duration.ofSeconds(59));
        login(email, PASSWORD, "198.51.100.8").statusCode(429).header("Retry-After", "1");

        clock.advance(Duration.ofSeconds(1));
        login(email, PASSWORD, "198.51.100.9").statusCode(200);
    }

    @Test
    void aSuccessStartsTheCountOver() {
        String email = randomEmail();
        Api.registerUser(email);
        for (int i = 1; i < MAX_FAILURES; i++) {
            login(email, WRONG, null).statusCode(401);
        }
        login(email, PASSWORD, null).statusCode(200);
        for (int i = 1; i < MAX_FAILURES; i++) {
            login(email, WRONG, null).statusCode(401);
        }
        login(email, PASSWORD, null).statusCode(200);
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        String email = randomEmail();
        Api.registerUser(email);
        for (int i = 1; i < MAX_FAILURES; i++) {
            login(email, WRONG, null).statusCode(401);
        }
        clock.advance(Duration.ofMinutes(15));
        login(email, WRONG, null).statusCode(401);
        login(email, PASSWORD, null).statusCode(200);
    }

    @Test
    void theNextLockInARowLastsTwiceAsLong() {
        // (the doubling up to 15 minutes and its reset are covered by model/PasswordFailuresTest)
        String email = randomEmail();
        Api.registerUser(email);
        for (long seconds : new long[]{60, 120}) {
            for (int i = 1; i <= MAX_FAILURES; i++) {
                login(email, WRONG, null).statusCode(401);
            }
            login(email, PASSWORD, null).statusCode(429).header("Retry-After", Long.toString(seconds));
            clock.advance(Duration.ofSeconds(seconds));
        }
        login(email, PASSWORD, null).statusCode(200);
    }

    @Test
    void anUnknownEmailIsAnsweredExactlyLikeAnAccount() {
        String known = randomEmail();
        Api.registerUser(known);
        String unknown = randomEmail();

        for (int i = 1; i <= MAX_FAILURES + 1; i++) {
            ExtractableResponse<Response> account = login(known, WRONG, null).extract();
            ExtractableResponse<Response> nobody = login(unknown, WRONG, null).extract();
            assertEquals(account.statusCode(), nobody.statusCode(), "attempt " + i);
            assertEquals(account.header("Retry-After"), nobody.header("Retry-After"), "attempt " + i);
            assertEquals(comparable(account), comparable(nobody), "attempt " + i);
        }
        login(unknown, WRONG, null).statusCode(429).header("Retry-After", "60");
    }

    @Test
    void passwordConfirmingEndpointsCountAndObeyTheSameLock() {
        String email = randomEmail();
        Api.registerUser(email);
        String access = Api.loginOk(email, PASSWORD).accessToken();
        for (int i = 1; i <= MAX_FAILURES / 2; i++) {
            changePassword(access, WRONG).statusCode(403);
            deleteAccount(access, WRONG).statusCode(403);
        }

        changePassword(access, PASSWORD).statusCode(429).header("Retry-After", "60")
                .contentType("application/problem+json");
        deleteAccount(access, PASSWORD).statusCode(429).header("Retry-After", "60");
        login(email, PASSWORD, null).statusCode(429);

        clock.advance(Duration.ofMinutes(1));
        changePassword(access, PASSWORD).statusCode(204);
    }

    private static ValidatableResponse login(String email, String password, String forwardedFor) {
        var request = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.post("/api/v1/auth/login").then();
    }

    private static ValidatableResponse changePassword(String access, String current) {
        return given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", "quite a different passphrase 7"))
                .post("/api/v1/users/me/password").then();
    }

    private static ValidatableResponse deleteAccount(String access, String password) {
        return given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("password", password))
                .delete("/api/v1/users/me").then();
    }

    /** The problem body without what differs per request anyway. */
    private static Map<String, Object> comparable(ExtractableResponse<Response> response) {
        Map<String, Object> body = new HashMap<>(response.jsonPath().getMap("$"));
        body.remove("requestId");
        body.remove("instance");
        return body;
    }
}
