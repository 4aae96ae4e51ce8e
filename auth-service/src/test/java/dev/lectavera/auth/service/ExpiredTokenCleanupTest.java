package dev.lectavera.auth.service;

import dev.lectavera.auth.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExpiredTokenCleanupTest {

    private final ExpiredTokenCleanup cleanup;
    private final AgroalDataSource dataSource;

    ExpiredTokenCleanupTest(ExpiredTokenCleanup cleanup, AgroalDataSource dataSource) {
        this.cleanup = cleanup;
        this.dataSource = dataSource;
    }

    @Test
    void freshTokensSurviveAndExpiredOnesAreDeleted() throws SQLException {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        Api.loginOk(email, PASSWORD);
        assertEquals(1, count("select count(*) from refresh_token where user_id = ?", id));
        assertEquals(1, count("select count(*) from one_time_token where user_id = ?", id));

        cleanup.cleanUp();
        assertEquals(1, count("select count(*) from refresh_token where user_id = ?", id), "not expired yet");
        assertEquals(1, count("select count(*) from one_time_token where user_id = ?", id), "not expired yet");

        // eight days later the 7-day refresh token and the 2-day verification token are past their expiry
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofDays(8)), Clock.class);
        ExpiredTokenCleanup.CleanupResult result = cleanup.cleanUp();

        assertThat(result.refreshTokens(), greaterThanOrEqualTo(1L));
        assertThat(result.oneTimeTokens(), greaterThanOrEqualTo(1L));
        assertEquals(0, count("select count(*) from refresh_token where user_id = ?", id));
        assertEquals(0, count("select count(*) from one_time_token where user_id = ?", id));
        assertEquals(1, count("select count(*) from user_account where id = ?", id), "users are never cleaned");
    }

    @Test
    void wrongPasswordCountersGoOnceAWholeWindowHasPassedQuietly() throws SQLException {
        String email = randomEmail();
        Api.login(email, "not the password at all").statusCode(401);
        String key = AccountLockout.accountKey(email);
        assertEquals(1, count("select count(*) from password_failure where account_key = ?", key));

        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(14)), Clock.class);
        cleanup.cleanUp();
        assertEquals(1, count("select count(*) from password_failure where account_key = ?", key), "still counts");

        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)), Clock.class);
        assertThat(cleanup.cleanUp().passwordFailures(), greaterThanOrEqualTo(1L));
        assertEquals(0, count("select count(*) from password_failure where account_key = ?", key));
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
