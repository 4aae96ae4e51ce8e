package dev.lectavera.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcraTest {

    private static final long MINUTE = 60_000_000L;

    @Test
    void aBurstOfTheLimitPassesThenTheNextIsRefusedUntilOneIntervalHasPassed() {
        long now = 1_000_000_000_000L;
        long tat = 0;
        for (int i = 1; i <= 20; i++) {
            Gcra.Result result = Gcra.admit(tat, now, 20, MINUTE);
            assertTrue(result.allowed());
            assertEquals(20 - i, result.remaining());
            tat = result.newTat();
        }
        Gcra.Result refused = Gcra.admit(tat, now, 20, MINUTE);
        assertFalse(refused.allowed());
        assertEquals(tat, refused.newTat(), "a refusal changes nothing");
        assertEquals(3_000_000L, refused.retryAfterMicros(), "one emission interval: 60 s / 20");
        assertEquals(MINUTE, refused.resetMicros());

        assertFalse(Gcra.admit(tat, now + 2_999_999, 20, MINUTE).allowed());
        Gcra.Result later = Gcra.admit(tat, now + 3_000_000, 20, MINUTE);
        assertTrue(later.allowed());
        assertEquals(0, later.remaining());
    }

    @Test
    void theSustainedRateIsTheLimitPerPeriodAndNoWindowSeesMoreThanTwiceTheLimitMinusOne() {
        // A client firing every 100 ms for 5 periods.
        int limit = 5;
        long period = 10_000_000L;
        long tat = 0;
        java.util.List<Long> admitted = new java.util.ArrayList<>();
        for (long t = 0; t < 5 * period; t += 100_000) {
            Gcra.Result result = Gcra.admit(tat, t, limit, period);
            if (result.allowed()) {
                tat = result.newTat();
                admitted.add(t);
            }
        }
        assertEquals(5 * limit + limit - 1, admitted.size(), "one burst, then exactly one per interval");
        for (long start : admitted) {
            long inWindow = admitted.stream().filter(t -> t >= start && t < start + period).count();
            assertTrue(inWindow <= 2L * limit - 1, "window at " + start + " has " + inWindow);
        }
        long lastWindow = admitted.stream().filter(t -> t >= 4 * period).count();
        assertEquals(limit, lastWindow, "once the burst is spent, a period holds exactly the limit");
    }

    @Test
    void peekShowsRemainingAndResetWithoutConsuming() {
        long now = 5_000_000L;
        assertEquals(new Gcra.Snapshot(30, 0), Gcra.peek(0, now, 30, MINUTE));
        long tat = Gcra.admit(0, now, 30, MINUTE).newTat();
        tat = Gcra.admit(tat, now, 30, MINUTE).newTat();
        assertEquals(new Gcra.Snapshot(28, 4_000_000L), Gcra.peek(tat, now, 30, MINUTE));
        assertEquals(new Gcra.Snapshot(30, 0), Gcra.peek(tat, now + 4_000_000L, 30, MINUTE));
    }

    @Test
    void admissionHeadersRoundUpToWholeSeconds() {
        Admission admission = new Admission(Admission.Outcome.LIMITED, RateClass.AUTH, 5, 0, 1_000_001, 899_000_000);
        assertEquals(2, admission.retryAfterSeconds());
        assertEquals(899, admission.resetSeconds());
        assertEquals(1, new Admission(Admission.Outcome.LIMITED, RateClass.AUTH, 5, 0, 0, 0).retryAfterSeconds());
    }
}
