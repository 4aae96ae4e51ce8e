package dev.lectavera.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private static final long OPEN = 10_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000L);
    private final CircuitBreaker breaker = new CircuitBreaker(3, OPEN, clock::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.onFailure());
        assertFalse(breaker.onFailure());
        assertTrue(breaker.onFailure());
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.secondsUntilTrial());
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void halfOpenLetsExactlyOneTrialThroughAndItsSuccessCloses() {
        open();
        clock.addAndGet(OPEN);
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedTrialOpensForAnotherPeriod() {
        open();
        clock.addAndGet(OPEN);
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.onFailure());
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        clock.addAndGet(OPEN);
        assertTrue(breaker.tryAcquire());
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
    }
}
