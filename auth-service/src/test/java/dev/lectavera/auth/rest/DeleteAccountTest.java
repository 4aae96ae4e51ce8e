package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.testsupport.kafka.KafkaTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DeleteAccountTest {

    private final AgroalDataSource dataSource;

    DeleteAccountTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void deleteRemovesTheUserAndTheirTokensAndEmitsUserDeleted() throws SQLException {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        Api.Tokens deleting = Api.loginOk(email, PASSWORD);
        Api.Tokens otherSession = Api.loginOk(email, PASSWORD);
        assertEquals(1, count("select count(*) from user_account where id = ?", id));
        assertEquals(2, count("select count(*) from refresh_token where user_id = ?", id));

        delete(deleting.accessToken(), PASSWORD).statusCode(204);

        assertEquals(0, count("select count(*) from user_account where id = ?", id));
        assertEquals(0, count("select count(*) from refresh_token where user_id = ?", id));
        assertEquals(0, count("select count(*) from one_time_token where user_id = ?", id));
        assertEquals(1, count("select count(*) from outbox_event where record_key = ? "
                + "and event_type = 'lectavera.user.deleted.v1'", id.toString()));

        ConsumerRecord<String, String> record = KafkaTopics.awaitRecord(Topics.USERS, id.toString(),
                "lectavera.user.deleted.v1");
        EventEnvelope<?> envelope = EventJson.read(record.value());
        assertThat(envelope.data(), instanceOf(UserDeleted.class));
        assertEquals(id, ((UserDeleted) envelope.data()).userId());

        // every token of the user is refused, not just the one that deleted the account
        Api.me(deleting.accessToken()).statusCode(401);
        Api.me(otherSession.accessToken()).statusCode(401);
        Api.refresh(otherSession.refreshToken()).statusCode(401);
        Api.login(email, PASSWORD).statusCode(401);
        // the address is free again, for a new user whose tokens work
        UUID again = UUID.fromString(Api.register(email, PASSWORD, "Ada Again").statusCode(201)
                .extract().path("id"));
        assertNotEquals(id, again);
        Api.me(Api.loginOk(email, PASSWORD).accessToken()).statusCode(200).body("id", equalTo(again.toString()));
        Api.me(otherSession.accessToken()).statusCode(401);
    }

    @Test
    void deleteNeedsThePassword() throws SQLException {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        String access = Api.loginOk(email, PASSWORD).accessToken();

        delete(access, "not my password at all").statusCode(403).contentType("application/problem+json")
                .body("violations.field", hasItem("password"));
        given().auth().oauth2(access).delete("/api/v1/users/me").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of())
                .delete("/api/v1/users/me").then().statusCode(400).body("violations.field", hasItem("password"));

        assertEquals(1, count("select count(*) from user_account where id = ?", id));
        Api.me(access).statusCode(200);
    }

    @Test
    void deleteWithoutATokenIs401() {
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .delete("/api/v1/users/me").then().statusCode(401);
    }

    private static ValidatableResponse delete(String access, String password) {
        return given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("password", password))
                .delete("/api/v1/users/me").then();
    }

    private int count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getInt(1);
            }
        }
    }
}
