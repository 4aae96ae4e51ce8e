package dev.lectavera.gateway.ratelimit;

import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lease arithmetic in memory: spending cells, fetching ahead, expiry and giving back, the header numbers. */
class LeaseTest {

    private static final long MINUTE_MICROS = 60_000_000L;
    private static final long TTL = 1_000_000_000L;
    private static final long T0 = 5_000_000_000L;

    private static Lease lease() {
        return new Lease(RateClass.DEFAULT, 100, MINUTE_MICROS, TTL, T0);
    }

    @Test
    void onlyClassesWhoseLeaseHoldsTwoCellsAreLeased() {
        assertEquals(5, Lease.largest(100));
        assertEquals(1, Lease.largest(12));
        assertTrue(Lease.worthLeasing(40));
        assertFalse(Lease.worthLeasing(39));
        assertFalse(Lease.worthLeasing(5));
    }

    @Test
    void aNewLeaseHasNoCellsAndTheFirstRequestMakesTheCall() {
        Lease lease = lease();
        assertNull(lease.take(T0));
        Lease.Call call = lease.needCells(T0);
        assertTrue(call.mine());
        assertEquals(0, call.givenBack());
        Lease.Call second = lease.needCells(T0);
        assertFalse(second.mine(), "one call per bucket at a time: the next request waits for it");
        assertSame(call.promise(), second.promise());
    }

    @Test
    void theCallerGetsTheFirstCellAndTheRestAreSpentFromMemoryWithExactRemaining() {
        Lease lease = lease();
        lease.needCells(T0);
        Admission first = lease.granted(new Lease.Grant(5, 95, 0, 3_000_000), T0, true);
        assertEquals(Admission.Outcome.ALLOWED, first.outcome());
        assertEquals(99, first.remaining(), "95 in Redis + 4 held here");
        assertEquals(3_000_000, first.resetMicros());
        for (int left = 98; left >= 95; left--) {
            Admission spent = lease.take(T0 + 1_000);
            assertNotNull(spent);
            assertEquals(left, spent.remaining());
            assertEquals(100, spent.limit());
        }
        assertNull(lease.take(T0 + 2_000), "all five cells spent");
    }

    @Test
    void theNextLeaseIsFetchedAheadWhenHalfIsSpentAndOnlyOnce() {
        Lease lease = lease();
        lease.needCells(T0);
        lease.granted(new Lease.Grant(5, 95, 0, 3_000_000), T0, true); // 4 cells left
        lease.take(T0);
        assertNull(lease.claimPrefetch(T0), "3 of 5 left: not yet");
        lease.take(T0);
        Promise<Lease.Grant> ahead = lease.claimPrefetch(T0);
        assertNotNull(ahead, "2 of 5 left: fetch ahead");
        assertNull(lease.claimPrefetch(T0), "already in flight");
        lease.granted(new Lease.Grant(5, 90, 0, 6_000_000), T0 + 10, false);
        assertEquals(7, lease.spendable(T0 + 10));
        assertEquals(96, lease.take(T0 + 10).remaining(), "90 in Redis + 6 held");
    }

    @Test
    void singleCellLeasesAreNeverFetchedAhead() {
        Lease lease = lease();
        lease.needCells(T0);
        lease.granted(new Lease.Grant(1, 3, 0, 0), T0, true);
        assertNull(lease.claimPrefetch(T0), "near the limit each request goes to Redis itself");
    }

    @Test
    void nothingGrantedRefusesTheCallerWithRedisTimings() {
        Lease lease = lease();
        lease.needCells(T0);
        Admission refused = lease.granted(new Lease.Grant(0, 0, 600_000, MINUTE_MICROS), T0, true);
        assertEquals(Admission.Outcome.LIMITED, refused.outcome());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(60, refused.resetSeconds());
        assertNull(lease.take(T0));
        assertTrue(lease.needCells(T0).mine(), "the next request asks Redis again");
    }

    @Test
    void expiredCellsAreNotSpentAndGoBackWithTheNextCall() {
        Lease lease = lease();
        lease.needCells(T0);
        lease.granted(new Lease.Grant(5, 95, 0, 0), T0, true);
        assertNull(lease.take(T0 + TTL), "a cell is never spent more than ttl after its grant");
        Lease.Call call = lease.needCells(T0 + TTL);
        assertTrue(call.mine());
        assertEquals(4, call.givenBack());
        assertEquals(0, lease.spendable(T0 + TTL));
    }

    /** A lease of 4 granted at T0, its first cell to the caller, one more spent: 2 held and the next one in flight. */
    private static Lease halfSpentWithTheNextInFlight() {
        Lease lease = lease();
        lease.needCells(T0);
        lease.granted(new Lease.Grant(4, 96, 0, 0), T0, true);
        lease.take(T0);
        assertNotNull(lease.claimPrefetch(T0));
        return lease;
    }

    @Test
    void eachLeaseKeepsItsOwnExpiry() {
        Lease lease = halfSpentWithTheNextInFlight();
        lease.granted(new Lease.Grant(4, 92, 0, 0), T0 + TTL / 2, false);
        assertEquals(6, lease.spendable(T0 + TTL / 2));
        assertEquals(4, lease.spendable(T0 + TTL), "the older two expired, the newer four live on");
        for (int i = 0; i < 4; i++) {
            assertNotNull(lease.take(T0 + TTL));
        }
        assertNull(lease.take(T0 + TTL));
        assertEquals(2, lease.needCells(T0 + TTL).givenBack(), "the two expired cells go back with the next call");
    }

    @Test
    void aSteadyCallerSpendsLeaseAfterLeaseWithoutWaiting() {
        Lease lease = lease();
        lease.needCells(T0);
        lease.granted(new Lease.Grant(5, 95, 0, 0), T0, true);
        int left = 95;
        for (int i = 1; i <= 30; i++) {
            // One request every tenth of a ttl: a lease of 5 fetched ahead at half is spent 3 to 7 requests later.
            long now = T0 + i * (TTL / 10);
            assertNotNull(lease.take(now), "request " + i + " spends a held cell");
            Promise<Lease.Grant> ahead = lease.claimPrefetch(now);
            if (ahead != null) {
                left -= 5;
                lease.granted(new Lease.Grant(5, left, 0, 0), now, false);
            }
        }
    }

    @Test
    void aGrantArrivingAfterExpiryOwesTheOldCellsBack() {
        Lease lease = halfSpentWithTheNextInFlight();
        lease.granted(new Lease.Grant(4, 92, 0, 0), T0 + TTL, false);
        assertEquals(4, lease.spendable(T0 + TTL), "only the new cells");
        lease.take(T0 + TTL);
        lease.take(T0 + TTL);
        lease.take(T0 + TTL);
        lease.take(T0 + TTL);
        assertEquals(2, lease.needCells(T0 + TTL).givenBack(), "the two expired cells go back");
    }

    @Test
    void anIdleLeaseIsRetiredWithItsCellsGivenBackButNotWhileInUse() {
        Lease lease = lease();
        lease.needCells(T0);
        assertEquals(-1, lease.retireIfIdle(T0 + 2 * TTL), "not while a call is in flight");
        lease.granted(new Lease.Grant(5, 95, 0, 0), T0, true);
        assertEquals(-1, lease.retireIfIdle(T0 + TTL / 2), "used recently");
        assertEquals(4, lease.retireIfIdle(T0 + TTL));
        assertNull(lease.take(T0 + TTL));
        assertNull(lease.needCells(T0 + TTL), "retired: the caller looks the bucket up again");
    }

    @Test
    void aFailedCallLetsTheNextRequestTryAgain() {
        Lease lease = lease();
        Lease.Call call = lease.needCells(T0);
        lease.failed();
        assertNotSame(call.promise(), lease.needCells(T0).promise());
    }
}
