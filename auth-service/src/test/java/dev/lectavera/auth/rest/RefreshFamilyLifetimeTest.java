package dev.lectavera.auth.rest;

import dev.lectavera.auth.support.Api;
import dev.lectavera.auth.support.MutableClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A login session lives 30 days at most (the default), however diligently its refresh token is rotated. */
@QuarkusTest
class RefreshFamilyLifetimeTest {

    private static final Duration FAMILY_LIFETIME = Duration.ofDays(30);

    private final AgroalDataSource dataSource;

    RefreshFamilyLifetimeTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void rotationNeverExtendsASessionPastThirtyDaysFromItsLogin() throws Exception {
        Instant login = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MutableClock clock = new MutableClock(login);
        QuarkusMock.installMockForType(clock, Clock.class);
        String email = randomEmail();
        Api.registerUser(email);
        String refresh = Api.loginOk(email, PASSWORD).refreshToken();

        // Every 6 days, well within each token's own 7 days: the session keeps going ...
        for (int day = 6; day <= 18; day += 6) {
            clock.set(login.plus(Duration.ofDays(day)));
            refresh = Api.refresh(refresh).statusCode(200).extract().path("refreshToken");
            assertEquals(login.plus(Duration.ofDays(day + 7)), expiresAt(refresh));
        }
        // ... but from day 24 on a new token expires with its family (day 30), not 7 days later,
        for (int day = 24; day <= 29; day += 5) {
            clock.set(login.plus(Duration.ofDays(day)));
            refresh = Api.refresh(refresh).statusCode(200).extract().path("refreshToken");
            assertEquals(login.plus(FAMILY_LIFETIME), expiresAt(refresh));
        }
        assertEquals(login, familyStartedAt(refresh));

        // and past the family's end it is refused: the user logs in again.
        clock.set(login.plus(FAMILY_LIFETIME));
        Api.refresh(refresh).statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        Api.loginOk(email, PASSWORD);
    }

    private Instant expiresAt(String refreshToken) throws Exception {
        return instant("expires_at", refreshToken);
    }

    private Instant familyStartedAt(String refreshToken) throws Exception {
        return instant("family_started_at", refreshToken);
    }

    private Instant instant(String column, String refreshToken) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select " + column + " from refresh_token where token_hash = ?")) {
            ps.setBytes(1, RefreshTokenTest.sha256(refreshToken));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.MILLIS);
            }
        }
    }
}
