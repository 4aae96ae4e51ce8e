package dev.lectavera.gateway.proxy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One upstream's breaker. Closed: everything passes and consecutive transport failures are counted.
 * {@code failureThreshold} in a row open it: for {@code openDuration} every request is answered 503
 * at once, without touching the upstream. Then it is half-open: exactly one trial request goes
 * through; its success closes the breaker, its failure opens it for another period.
 * <p>
 * Lock-free, and the closed state (the normal case) costs one volatile read per request and no
 * write unless something failed before.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    /** 0 when closed; otherwise the nanoTime at which the open period ends. */
    private final AtomicLong openUntil = new AtomicLong();
    private final AtomicBoolean trialInFlight = new AtomicBoolean();

    public CircuitBreaker(int failureThreshold, long openNanos, LongSupplier nanoClock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = openNanos;
        this.nanoClock = nanoClock;
    }

    /** Whether a request may go to the upstream now; a true answer obliges the caller to report success or failure. */
    public boolean tryAcquire() {
        long until = openUntil.get();
        if (until == 0) {
            return true;
        }
        if (nanoClock.getAsLong() - until < 0) {
            return false;
        }
        return trialInFlight.compareAndSet(false, true);
    }

    public void onSuccess() {
        if (openUntil.get() != 0 || consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
            openUntil.set(0);
            trialInFlight.set(false);
        }
    }

    /** The request ended without telling anything about the upstream (the client left): frees a half-open trial. */
    public void release() {
        trialInFlight.set(false);
    }

    /** @return true when this failure opened (or re-opened) the breaker */
    public boolean onFailure() {
        long now = nanoClock.getAsLong();
        if (openUntil.get() != 0) {
            // a failed half-open trial (or a straggler from before the opening): stay open another period
            openUntil.set(nonZero(now + openNanos));
            trialInFlight.set(false);
            return true;
        }
        if (consecutiveFailures.incrementAndGet() >= failureThreshold) {
            openUntil.set(nonZero(now + openNanos));
            trialInFlight.set(false);
            return true;
        }
        return false;
    }

    public State state() {
        long until = openUntil.get();
        if (until == 0) {
            return State.CLOSED;
        }
        return nanoClock.getAsLong() - until < 0 ? State.OPEN : State.HALF_OPEN;
    }

    /** Whole seconds until a trial request will be let through (for Retry-After), at least 1. */
    public long secondsUntilTrial() {
        long until = openUntil.get();
        long left = until == 0 ? 0 : until - nanoClock.getAsLong();
        return Math.max(1, (left + 999_999_999) / 1_000_000_000);
    }

    private static long nonZero(long value) {
        return value == 0 ? 1 : value;
    }
}
