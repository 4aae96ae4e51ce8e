package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.auth.support.Concurrently;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RefreshTokenTest {

    private final AgroalDataSource dataSource;

    RefreshTokenTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void refreshRotatesTheRefreshTokenAndKeepsTheSession() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens login = Api.loginOk(email, PASSWORD);

        var rotated = Api.refresh(login.refreshToken())
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract().jsonPath();
        String newRefresh = rotated.getString("refreshToken");
        String newAccess = rotated.getString("accessToken");
        assertNotEquals(login.refreshToken(), newRefresh);
        assertEquals(Api.claims(login.accessToken()).get("sid"), Api.claims(newAccess).get("sid"));
        assertNotEquals(Api.claims(login.accessToken()).get("jti"), Api.claims(newAccess).get("jti"));
        Api.me(newAccess).statusCode(200).body("email", equalTo(email));

        // and the successor rotates again
        Api.refresh(newRefresh).statusCode(200);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() throws Exception {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens login = Api.loginOk(email, PASSWORD);
        String successor = Api.refresh(login.refreshToken()).statusCode(200).extract().path("refreshToken");

        // the spent token comes back (a thief, or a replay): 401 ...
        Api.refresh(login.refreshToken()).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
        // ... and the legitimate successor is dead too: the family is revoked
        Api.refresh(successor).statusCode(401).contentType("application/problem+json");

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select count(*), count(revoked_at) from refresh_token
                     where family_id = (select family_id from refresh_token where token_hash = ?)""")) {
            ps.setBytes(1, sha256(successor));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                assertEquals(2, rs.getInt(2), "every token of the family is revoked");
            }
        }
    }

    @Test
    void concurrentRefreshesWithOneTokenRotateOnceAndRevokeTheFamily() throws Exception {
        String email = randomEmail();
        Api.registerUser(email);
        String refresh = Api.loginOk(email, PASSWORD).refreshToken();

        List<Integer> statuses = Concurrently.run(3, () -> Api.refresh(refresh).extract().statusCode());

        // the row lock serialises them: one rotation, then the others are reuse of a spent token
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(status -> status == 401).count(), statuses.toString());
    }

    @Test
    void reuseInOneSessionLeavesOtherSessionsAlone() {
        String email = randomEmail();
        Api.registerUser(email);
        Api.Tokens phone = Api.loginOk(email, PASSWORD);
        Api.Tokens laptop = Api.loginOk(email, PASSWORD);
        Api.refresh(phone.refreshToken()).statusCode(200);
        Api.refresh(phone.refreshToken()).statusCode(401);

        Api.refresh(laptop.refreshToken()).statusCode(200);
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() throws Exception {
        String email = randomEmail();
        Api.registerUser(email);
        String refresh = Api.loginOk(email, PASSWORD).refreshToken();
        try (Connection c = dataSource.getConnection();
             PreparedStatement byHash = c.prepareStatement(
                     "select expires_at - created_at, used_at from refresh_token where token_hash = ?");
             PreparedStatement byRaw = c.prepareStatement(
                     "select count(*) from refresh_token where token_hash = convert_to(?, 'UTF8')")) {
            byHash.setBytes(1, sha256(refresh));
            try (ResultSet rs = byHash.executeQuery()) {
                assertTrue(rs.next(), "the SHA-256 of the token is stored");
                assertEquals("7 days", rs.getString(1));
                assertNull(rs.getObject(2));
            }
            byRaw.setString(1, refresh);
            try (ResultSet rs = byRaw.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the raw token is stored nowhere");
            }
        }
    }

    @Test
    void unknownRefreshTokenIs401() {
        Api.refresh("bm90LWEtcmVhbC10b2tlbi1qdXN0LXNvbWUtYnl0ZXMtMTIz").statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void badRefreshInputIs400() {
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", ""))
                .post("/api/v1/auth/refresh").then().statusCode(400)
                .body("violations.field", hasItem("refreshToken"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", "x".repeat(257)))
                .post("/api/v1/auth/refresh").then().statusCode(400)
                .body("violations.field", hasItem("refreshToken"));
        given().contentType(ContentType.JSON).body("[1,2]")
                .post("/api/v1/auth/refresh").then().statusCode(400);
    }

    @Test
    void spentTokenIsMarkedUsed() throws Exception {
        String email = randomEmail();
        Api.registerUser(email);
        String refresh = Api.loginOk(email, PASSWORD).refreshToken();
        Api.refresh(refresh).statusCode(200);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select used_at from refresh_token where token_hash = ?")) {
            ps.setBytes(1, sha256(refresh));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertNotNull(rs.getObject(1));
            }
        }
    }

    static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
