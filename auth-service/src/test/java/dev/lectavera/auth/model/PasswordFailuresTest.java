package dev.lectavera.auth.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counter's rules without a database (the defaults: 10 in 15 min, 1 min doubling up to 15 min). */
class PasswordFailuresTest {

    private static final PasswordFailures.Rules RULES = new PasswordFailures.Rules(10, Duration.ofMinutes(15),
            Duration.ofMinutes(1), Duration.ofMinutes(15));
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theTenthAttemptIsAdmittedAndLocksTheNext() {
        PasswordFailures counter = new PasswordFailures();
        for (int i = 1; i <= 10; i++) {
            assertEquals(Optional.empty(), counter.admit(START, RULES), "attempt " + i);
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), counter.admit(START, RULES));
        assertEquals(Optional.of(Duration.ofSeconds(1)), counter.admit(START.plusSeconds(59), RULES));
        assertEquals(Optional.empty(), counter.admit(START.plusSeconds(60), RULES));
    }

    @Test
    void locksInARowDoubleUpToTheMaximum() {
        PasswordFailures counter = new PasswordFailures();
        Instant now = START;
        for (long minutes : new long[]{1, 2, 4, 8, 15, 15, 15}) {
            now = lockAt(counter, now);
            assertEquals(Optional.of(Duration.ofMinutes(minutes)), counter.admit(now, RULES));
            now = now.plus(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void theDoublingStartsOverAfterAQuietWindowSinceTheLockEnded() {
        PasswordFailures counter = new PasswordFailures();
        Instant now = lockAt(counter, START);                   // 1 min, ends at +1 min
        now = lockAt(counter, now.plus(Duration.ofMinutes(1)));  // 2 min, ends at +3 min
        assertEquals(Optional.of(Duration.ofMinutes(2)), counter.admit(now, RULES));

        // 14 minutes after the lock ended: still "in a row"
        Instant almostQuiet = now.plus(Duration.ofMinutes(2 + 14));
        assertEquals(Optional.of(Duration.ofMinutes(4)), counter.admit(lockAt(counter, almostQuiet), RULES));

        PasswordFailures other = new PasswordFailures();
        Instant end = lockAt(other, START).plus(Duration.ofMinutes(1));
        // a whole window after the lock ended: a first lock again
        assertEquals(Optional.of(Duration.ofMinutes(1)),
                other.admit(lockAt(other, end.plus(Duration.ofMinutes(15))), RULES));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        PasswordFailures counter = new PasswordFailures();
        for (int i = 1; i <= 9; i++) {
            counter.admit(START, RULES);
        }
        Instant later = START.plus(Duration.ofMinutes(15));
        for (int i = 1; i <= 9; i++) {
            assertEquals(Optional.empty(), counter.admit(later, RULES));
        }
        assertTrue(!counter.isLockedAt(later));
    }

    /** Ten failures at {@code now}: the counter is locked from then on; returns {@code now}. */
    private static Instant lockAt(PasswordFailures counter, Instant now) {
        for (int i = 1; i <= 10; i++) {
            assertEquals(Optional.empty(), counter.admit(now, RULES), "attempt " + i + " at " + now);
        }
        assertTrue(counter.isLockedAt(now));
        return now;
    }
}
