package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.auth.support.Mails;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "a brand new passphrase 2025";

    private final MockMailbox mailbox;

    PasswordResetTest(MockMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Test
    void forgotPasswordIs202ForAnUnknownEmailAndMailsNothing() {
        String email = randomEmail();
        forgot(email).statusCode(202);
        // the mail of a known address is sent within milliseconds; give an unknown one the same chance
        String known = randomEmail();
        Api.registerUser(known);
        forgot(known).statusCode(202);
        Mails.awaitMail(mailbox, known, "Reset");
        assertThat(mailbox.getMailsSentTo(email), empty());
    }

    @Test
    void resetTokenFromTheMailSetsANewPasswordOnce() {
        String email = randomEmail();
        Api.registerUser(email);
        forgot(email).statusCode(202);
        Mail mail = Mails.awaitMail(mailbox, email, "Reset");
        assertThat(mail.getText(), containsString("http://localhost:8080/reset-password?token="));
        assertThat(mail.getText(), containsString("60 minutes"));
        String token = Mails.tokenIn(mail);

        reset(token, NEW_PASSWORD).statusCode(204);

        Api.login(email, PASSWORD).statusCode(401);
        Api.Tokens fresh = Api.loginOk(email, NEW_PASSWORD);
        Api.me(fresh.accessToken()).statusCode(200).body("emailVerified", equalTo(true));
        // single use
        reset(token, "yet another passphrase 99").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("token"));
    }

    @Test
    void resetEndsEverySession() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens phone = Api.loginOk(email, PASSWORD);
        Api.Tokens laptop = Api.loginOk(email, PASSWORD);
        forgot(email).statusCode(202);
        reset(Mails.awaitResetToken(mailbox, email), NEW_PASSWORD).statusCode(204);

        Api.refresh(phone.refreshToken()).statusCode(401);
        Api.refresh(laptop.refreshToken()).statusCode(401);
    }

    @Test
    void onlyTheNewestResetLinkWorks() {
        String email = randomEmail();
        Api.registerUser(email);
        forgot(email).statusCode(202);
        String first = Mails.awaitResetToken(mailbox, email);
        forgot(email).statusCode(202);
        await().until(() -> mailbox.getMailsSentTo(email).stream()
                .filter(mail -> mail.getSubject().contains("Reset")).count() == 2);
        String second = Mails.awaitResetToken(mailbox, email);

        reset(first, NEW_PASSWORD).statusCode(400);
        reset(second, NEW_PASSWORD).statusCode(204);
    }

    @Test
    void resetTokenExpiresAfterOneHour() {
        String email = randomEmail();
        Api.registerUser(email);
        forgot(email).statusCode(202);
        String token = Mails.awaitResetToken(mailbox, email);

        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)), Clock.class);

        reset(token, NEW_PASSWORD).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("token"));
        Api.login(email, PASSWORD).statusCode(200);
    }

    @Test
    void resetTokenStillWorksJustBeforeTheHour() {
        String email = randomEmail();
        Api.registerUser(email);
        forgot(email).statusCode(202);
        String token = Mails.awaitResetToken(mailbox, email);

        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(59)), Clock.class);

        reset(token, NEW_PASSWORD).statusCode(204);
    }

    @Test
    void weakNewPasswordIs400AndTheTokenStaysUsable() {
        String email = randomEmail();
        Api.registerUser(email);
        forgot(email).statusCode(202);
        String token = Mails.awaitResetToken(mailbox, email);

        reset(token, "password123").statusCode(400).body("violations.field", hasItem("newPassword"));
        reset(token, NEW_PASSWORD).statusCode(204);
    }

    @Test
    void badForgotPasswordInputIs400() {
        forgot("nope").statusCode(400).body("violations.field", hasItem("email"));
        given().contentType(ContentType.JSON).body(Map.of("email", randomEmail(), "extra", 1))
                .post("/api/v1/auth/forgot-password").then().statusCode(400).body("field", equalTo("extra"));
        assertThat(mailbox.getMailsSentTo("nope"), hasSize(0));
    }

    private static ValidatableResponse forgot(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password").then();
    }

    private static ValidatableResponse reset(String token, String newPassword) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", newPassword))
                .post("/api/v1/auth/reset-password").then();
    }
}
