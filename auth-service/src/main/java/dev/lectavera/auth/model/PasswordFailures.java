package dev.lectavera.auth.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The wrong-password counter of one account key (a normalised email's hash, whether or not an account has it).
 * An attempt counts as failed when it starts, so that concurrent guesses cannot overshoot the limit; a correct
 * password deletes the row.
 */
@Entity
@Table(name = "password_failure")
public class PasswordFailures {

    /** 2^20 minutes is far past any sensible maximum delay; beyond it the doubling stops growing anyway. */
    private static final int MAX_DOUBLINGS = 20;

    @Id
    @Column(name = "account_key")
    private String accountKey;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started_at")
    private Instant windowStartedAt;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "locks_in_a_row", nullable = false)
    private int locksInARow;

    protected PasswordFailures() {
        // JPA
    }

    /**
     * Admits one password check, counted as failed, unless the account is locked.
     *
     * @return how long the account stays locked; empty when the attempt is admitted
     */
    public Optional<Duration> admit(Instant now, Rules rules) {
        if (isLockedAt(now)) {
            return Optional.of(Duration.between(now, lockedUntil));
        }
        // A whole quiet window after the last failure or lock: the next lock is a first one again.
        Instant lastActivity = lockedUntil == null || lockedUntil.isBefore(lastFailureAt) ? lastFailureAt : lockedUntil;
        if (lastActivity != null && !now.isBefore(lastActivity.plus(rules.window()))) {
            locksInARow = 0;
        }
        if (windowStartedAt == null || !now.isBefore(windowStartedAt.plus(rules.window()))) {
            failures = 0;
            windowStartedAt = now;
        }
        failures++;
        lastFailureAt = now;
        if (failures >= rules.maxFailures()) {
            lockedUntil = now.plus(rules.delay(locksInARow));
            locksInARow++;
            failures = 0;
            windowStartedAt = null;
        }
        return Optional.empty();
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    /** The thresholds ({@code lectavera.auth.lockout.*}). */
    public record Rules(int maxFailures, Duration window, Duration initialDelay, Duration maxDelay) {

        /** initial-delay doubled per earlier lock in a row, capped at max-delay. */
        Duration delay(int earlierLocks) {
            Duration delay = initialDelay.multipliedBy(1L << Math.min(earlierLocks, MAX_DOUBLINGS));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    @Override
    public String toString() {
        return "PasswordFailures[failures=" + failures + ", lockedUntil=" + lockedUntil + "]";
    }
}
