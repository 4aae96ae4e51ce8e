package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.auth.support.Concurrently;
import dev.lectavera.auth.support.Mails;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.UserRegistered;
import dev.lectavera.testsupport.kafka.KafkaTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RegistrationTest {

    private final MockMailbox mailbox;
    private final AgroalDataSource dataSource;

    RegistrationTest(MockMailbox mailbox, AgroalDataSource dataSource) {
        this.mailbox = mailbox;
        this.dataSource = dataSource;
    }

    @Test
    void registerAnswers201WithTheUserAndNoSecrets() {
        String email = randomEmail();
        Api.register(email, PASSWORD, "  Ada Lovelace ")
                .statusCode(201)
                .header("Location", endsWith("/api/v1/users/me"))
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("email", equalTo(email))
                .body("fullName", equalTo("Ada Lovelace"))
                .body("emailVerified", equalTo(false))
                .body("createdAt", notNullValue())
                .body("password", nullValue())
                .body("passwordHash", nullValue())
                .body(not(containsString("argon2")));
    }

    @Test
    void passwordIsStoredAsArgon2idHashOnly() throws SQLException {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select password_hash from user_account where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertThat(rs.getString(1), startsWith("$argon2id$v=19$"));
                assertThat(rs.getString(1), not(containsString(PASSWORD)));
            }
        }
    }

    @Test
    void registrationMailsAVerificationLinkThatVerifiesTheEmailOnce() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        Mail mail = Mails.awaitMail(mailbox, email, "Confirm");
        assertThat(mail.getText(), containsString("Ada Lovelace"));
        assertThat(mail.getText(), containsString("http://localhost:8080/verify-email?token="));
        String token = Mails.tokenIn(mail);

        given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/auth/verify-email").then().statusCode(204);
        Api.me(Api.loginOk(email, PASSWORD).accessToken()).statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("emailVerified", equalTo(true))
                .body("emailVerifiedAt", notNullValue());

        // single use
        given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/auth/verify-email").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("token"));
    }

    @Test
    void unknownVerificationTokenIs400NamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("token", "not-a-real-token"))
                .post("/api/v1/auth/verify-email").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("token"));
    }

    @Test
    void userRegisteredReachesKafkaThroughTheOutbox() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);

        ConsumerRecord<String, String> record = KafkaTopics.awaitRecord(Topics.USERS, id.toString(),
                "lectavera.user.registered.v1");
        EventEnvelope<?> envelope = EventJson.read(record.value());
        assertEquals("/auth-service", envelope.source());
        assertEquals(id.toString(), envelope.subject());
        assertThat(envelope.data(), instanceOf(UserRegistered.class));
        assertEquals(id, ((UserRegistered) envelope.data()).userId());
        assertThat(record.value(), not(containsString(email))); // data minimisation
    }

    @Test
    void duplicateEmailIgnoringCaseIs409() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.register(email.toUpperCase(), PASSWORD, "Someone Else")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("violations.field", hasItem("email"));
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        String email = randomEmail();
        List<Integer> statuses = Concurrently.run(4, () -> Api.register(email, PASSWORD, "Ada")
                .extract().statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
    }

    @Test
    void raceLostAtTheUniqueIndexIs409NotA500() throws Exception {
        String email = randomEmail();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection blocker = dataSource.getConnection()) {
            // Another registration of the same address, inserted but not committed: the service's existence check
            // cannot see it, so its own insert waits on the unique index until this transaction ends.
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement("insert into user_account "
                    + "(id, email, password_hash, full_name, created_at, updated_at) values (?, ?, 'x', 'B', now(), now())")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, email.toUpperCase());
                insert.executeUpdate();
            }
            Future<Integer> status = client.submit(() -> Api.register(email, PASSWORD, "Ada").extract().statusCode());
            await().atMost(Duration.ofSeconds(30)).until(() -> insertsWaitingOnALock() > 0);
            blocker.commit();
            assertEquals(409, status.get(30, TimeUnit.SECONDS));
        } finally {
            client.shutdownNow();
        }
    }

    private int insertsWaitingOnALock() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from pg_stat_activity "
                     + "where wait_event_type = 'Lock' and query ilike 'insert into user_account%'")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.c\", ")
                .post("/api/v1/auth/register").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongShapedJsonIs400ProblemNamingTheField() {
        // Not an object at all, and a field of the wrong type: both are the client's mistake, told as problem+json.
        given().contentType(ContentType.JSON).body("[]")
                .post("/api/v1/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Bad Request"));
        given().contentType(ContentType.JSON).body("{\"email\": [\"a@b.c\"], \"password\": \"x\", \"fullName\": \"A\"}")
                .post("/api/v1/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("email"));
    }

    @Test
    void unknownFieldIs400NamingIt() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", randomEmail(), "password", PASSWORD, "fullName", "A", "admin", true))
                .post("/api/v1/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("admin"));
    }

    @Test
    void missingBodyIs400() {
        given().contentType(ContentType.JSON).post("/api/v1/auth/register").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void overlongEmailIs400NamingTheField() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".test";
        assertThat(email.length(), greaterThan(254));
        Api.register(email, PASSWORD, "Ada").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("email"));
    }

    @Test
    void invalidEmailIs400NamingTheField() {
        for (String email : new String[]{"not-an-email", "a@b", "two@@example.test", " spaced@example.test", ""}) {
            Api.register(email, PASSWORD, "Ada").statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("email"));
        }
    }

    @Test
    void overlongOrBlankFullNameIs400NamingTheField() {
        Api.register(randomEmail(), PASSWORD, "x".repeat(201)).statusCode(400)
                .body("violations.field", hasItem("fullName"));
        Api.register(randomEmail(), PASSWORD, "   ").statusCode(400)
                .body("violations.field", hasItem("fullName"));
        Api.register(randomEmail(), PASSWORD, "Ada\nBcc: someone@example.test").statusCode(400)
                .body("violations.field", hasItem("fullName"));
    }

    @Test
    void weakPasswordsAre400NamingTheField() {
        Api.register(randomEmail(), "short", "Ada").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("password"))
                .body("violations.message", hasItem(containsString("at least 10")));
        Api.register(randomEmail(), "QwertyUiop", "Ada").statusCode(400)
                .body("violations.field", hasItem("password"))
                .body("violations.message", hasItem(containsString("common")));
        Api.register(randomEmail(), "p".repeat(129), "Ada").statusCode(400)
                .body("violations.field", hasItem("password"))
                .body("violations.message", hasItem(containsString("at most 128")));
    }

    @Test
    void rejectedRegistrationStoresNothing() throws SQLException {
        String email = randomEmail();
        Api.register(email, "short", "Ada").statusCode(400);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from user_account where lower(email) = ?")) {
            ps.setString(1, email.toLowerCase());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
        assertThat(mailbox.getMailsSentTo(email), empty());
    }
}
