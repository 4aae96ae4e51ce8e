package dev.lectavera.auth.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-account "tokens issued before" mark, without a database. */
class RevocationMarkTest {

    private static final Instant CHANGE = Instant.parse("2026-12-07T12:13:14.129Z");

    private static UserAccount account() {
        return new UserAccount("mark@example.org", "hash", "Mark", CHANGE.minusSeconds(3600));
    }

    @Test
    void aTokenIssuedRightAfterARevocationSurvivesIt() {
        UserAccount user = account();
        Instant mark = user.revokeTokensIssuedUntil(CHANGE);

        assertEquals(Instant.parse("2026-12-07T12:13:15Z"), mark);
        assertTrue(user.isTokenRevoked(CHANGE.getEpochSecond()), "issued before the change");
        Instant issued = user.tokenIssuedAt(CHANGE.plusMillis(300));
        assertEquals(mark, issued);
        assertFalse(user.isTokenRevoked(issued.getEpochSecond()), "issued after the change");
    }

    @Test
    void aSecondRevocationInTheSameSecondVoidsTheTokensIssuedBetweenTheTwo() {
        UserAccount user = account();
        Instant first = user.revokeTokensIssuedUntil(CHANGE);
        long between = user.tokenIssuedAt(CHANGE.plusMillis(400)).getEpochSecond();

        Instant second = user.revokeTokensIssuedUntil(CHANGE.plusMillis(870));

        assertTrue(second.isAfter(first), second + " after " + first);
        assertTrue(user.isTokenRevoked(between), "a token issued between the two revocations");
        assertFalse(user.isTokenRevoked(user.tokenIssuedAt(CHANGE.plusMillis(900)).getEpochSecond()),
                "a token issued after the second");
    }

    @Test
    void theMarkNeverMovesBack() {
        UserAccount user = account();
        Instant later = user.revokeTokensIssuedUntil(CHANGE.plusSeconds(60));
        assertTrue(user.revokeTokensIssuedUntil(CHANGE).isAfter(later.minusMillis(1)));
    }
}
