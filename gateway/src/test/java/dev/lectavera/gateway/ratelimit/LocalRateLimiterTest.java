package dev.lectavera.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalRateLimiterTest {

    private static final long MINUTE = 60_000_000L;

    @Test
    void keysAreIndependentAndLimitedLikeInRedis() {
        AtomicLong clock = new AtomicLong(1_000_000L);
        LocalRateLimiter limiter = new LocalRateLimiter(100, clock::get);
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.admit(RateClass.UPLOAD, "a", 5, MINUTE).allowed());
        }
        assertFalse(limiter.admit(RateClass.UPLOAD, "a", 5, MINUTE).allowed());
        assertTrue(limiter.admit(RateClass.UPLOAD, "b", 5, MINUTE).allowed());
        clock.addAndGet(12_000_000L);
        assertTrue(limiter.admit(RateClass.UPLOAD, "a", 5, MINUTE).allowed());
        assertEquals(0, limiter.peek("a", 5, MINUTE).remaining());
    }

    @Test
    void fullBucketsAreSweptAway() {
        AtomicLong clock = new AtomicLong(1_000_000L);
        LocalRateLimiter limiter = new LocalRateLimiter(100, clock::get);
        limiter.admit(RateClass.SOCKET, "a", 20, MINUTE);
        limiter.admit(RateClass.SOCKET, "b", 20, MINUTE);
        assertEquals(2, limiter.size());
        clock.addAndGet(3_000_000L);
        limiter.sweep();
        assertEquals(0, limiter.size());
    }

    @Test
    void pastTheKeyBoundNewCallersShareOneBucketPerClass() {
        AtomicLong clock = new AtomicLong(1_000_000L);
        LocalRateLimiter limiter = new LocalRateLimiter(2, clock::get);
        limiter.admit(RateClass.SEARCH, "a", 2, MINUTE);
        limiter.admit(RateClass.SEARCH, "b", 2, MINUTE);
        assertTrue(limiter.admit(RateClass.SEARCH, "c", 2, MINUTE).allowed());
        assertTrue(limiter.admit(RateClass.SEARCH, "d", 2, MINUTE).allowed());
        assertFalse(limiter.admit(RateClass.SEARCH, "e", 2, MINUTE).allowed(), "c, d and e share the overflow bucket");
        assertEquals(3, limiter.size());
    }

    @Test
    void concurrentCallersNeverOvershootTheLimit() throws Exception {
        LocalRateLimiter limiter = new LocalRateLimiter(100, () -> 1_000_000L);
        AtomicLong allowed = new AtomicLong();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    if (limiter.admit(RateClass.DEFAULT, "shared", 100, MINUTE).allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(100, allowed.get());
    }
}
