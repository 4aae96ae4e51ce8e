package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.auth.support.Mails;
import dev.lectavera.auth.support.MutableClock;
import dev.lectavera.auth.support.RevocationNotices;
import dev.lectavera.contracts.revocation.RevocationNotice;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password change, password reset and account deletion void every access token of the user at once: the mark in
 * PostgreSQL (auth itself refuses), in Redis as {@code lv:revoked-before:{userId}} (the gateway and the services)
 * and as a notice on {@code lv:revocations} (open sockets). Logout revokes its one token the same way.
 */
@QuarkusTest
class AccountRevocationTest {

    private static final String NEW_PASSWORD = "quite a different passphrase 7";
    /** Access-token lifetime (15 min) plus the 2 minutes of margin. */
    private static final long MARK_TTL_SECONDS = 17 * 60;

    private final RedisDataSource redis;
    private final AgroalDataSource dataSource;
    private final MockMailbox mailbox;

    AccountRevocationTest(RedisDataSource redis, AgroalDataSource dataSource, MockMailbox mailbox) {
        this.redis = redis;
        this.dataSource = dataSource;
        this.mailbox = mailbox;
    }

    @Test
    void passwordChangeVoidsEarlierTokensOfTheSameSecondButNotLaterOnes() throws SQLException {
        // Real time (the JWTs are verified against it), held still within one second.
        Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MutableClock clock = new MutableClock(second.plusMillis(100));
        QuarkusMock.installMockForType(clock, Clock.class);
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        String before = Api.loginOk(email, PASSWORD).accessToken();

        try (RevocationNotices notices = new RevocationNotices(redis)) {
            clock.set(second.plusMillis(500));
            changePassword(before, PASSWORD, NEW_PASSWORD).statusCode(204);
            long mark = second.getEpochSecond() + 1;

            notices.awaitNotice(RevocationNotice.issuedBefore(id.toString(), mark));
            String key = "lv:revoked-before:" + id;
            assertEquals(Long.toString(mark), redis.value(String.class).get(key));
            assertThat(redis.key().ttl(key), allOf(greaterThan(15 * 60L), lessThanOrEqualTo(MARK_TTL_SECONDS)));
            assertEquals(mark, tokensValidAfter(id));
        }

        clock.set(second.plusMillis(900));
        String after = Api.loginOk(email, NEW_PASSWORD).accessToken();
        assertEquals(second.getEpochSecond(), iat(before));
        assertEquals(second.getEpochSecond() + 1, iat(after), "issued at the mark, not before it");

        Api.me(before).statusCode(401).contentType("application/problem+json");
        Api.me(after).statusCode(200).body("id", equalTo(id.toString()));
    }

    @Test
    void passwordResetVoidsEveryTokenOfTheUser() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        Api.Tokens phone = Api.loginOk(email, PASSWORD);
        Api.Tokens laptop = Api.loginOk(email, PASSWORD);
        given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password").then().statusCode(202);
        String resetToken = Mails.awaitResetToken(mailbox, email);

        try (RevocationNotices notices = new RevocationNotices(redis)) {
            given().contentType(ContentType.JSON).body(Map.of("token", resetToken, "newPassword", NEW_PASSWORD))
                    .post("/api/v1/auth/reset-password").then().statusCode(204);

            String mark = redis.value(String.class).get("lv:revoked-before:" + id);
            assertTrue(Long.parseLong(mark) > iat(laptop.accessToken()));
            notices.awaitNotice(RevocationNotice.issuedBefore(id.toString(), Long.parseLong(mark)));
        }
        Api.me(phone.accessToken()).statusCode(401);
        Api.me(laptop.accessToken()).statusCode(401);
        Api.refresh(phone.refreshToken()).statusCode(401);
        Api.refresh(laptop.refreshToken()).statusCode(401);
        Api.me(Api.loginOk(email, NEW_PASSWORD).accessToken()).statusCode(200);
    }

    @Test
    void deletionVoidsEveryTokenOfTheUserAndFreesTheEmail() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        Api.Tokens deleting = Api.loginOk(email, PASSWORD);
        Api.Tokens other = Api.loginOk(email, PASSWORD);

        try (RevocationNotices notices = new RevocationNotices(redis)) {
            given().auth().oauth2(deleting.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("password", PASSWORD)).delete("/api/v1/users/me").then().statusCode(204);

            String mark = redis.value(String.class).get("lv:revoked-before:" + id);
            assertTrue(Long.parseLong(mark) > iat(other.accessToken()));
            notices.awaitNotice(RevocationNotice.issuedBefore(id.toString(), Long.parseLong(mark)));
        }
        Api.me(other.accessToken()).statusCode(401);
        Api.refresh(other.refreshToken()).statusCode(401);

        UUID again = UUID.fromString(Api.register(email, PASSWORD, "Ada Again").statusCode(201).extract().path("id"));
        Api.me(Api.loginOk(email, PASSWORD).accessToken()).statusCode(200).body("id", equalTo(again.toString()));
    }

    @Test
    void logoutPublishesItsTokenNotice() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        String access = Api.loginOk(email, PASSWORD).accessToken();
        String jti = (String) Api.claims(access).get("jti");

        try (RevocationNotices notices = new RevocationNotices(redis)) {
            given().auth().oauth2(access).post("/api/v1/auth/logout").then().statusCode(204);
            notices.awaitNotice(RevocationNotice.token(id.toString(), jti));
        }
        assertEquals("1", redis.value(String.class).get("lv:revoked:" + jti));
    }

    private static ValidatableResponse changePassword(String access, String current, String next) {
        return given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next))
                .post("/api/v1/users/me/password").then();
    }

    private static long iat(String jwt) {
        return ((Number) Api.claims(jwt).get("iat")).longValue();
    }

    private long tokensValidAfter(UUID userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select extract(epoch from tokens_valid_after)::bigint from user_account where id = ?")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }
}
