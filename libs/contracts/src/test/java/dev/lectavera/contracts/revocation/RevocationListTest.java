package dev.lectavera.contracts.revocation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationListTest {

    private static final long NOW_MILLIS = 1_700_000_000_000L;
    private static final long NOW = NOW_MILLIS / 1000;

    private final RevocationList list = new RevocationList();

    @Test
    void aRevokedTokenIdVoidsThatTokenOnly() {
        list.apply(RevocationNotice.token("u1", "j1", NOW + 900));
        assertTrue(list.isRevoked("j1", "u1", NOW));
        assertFalse(list.isRevoked("j2", "u1", NOW));
        assertFalse(list.isRevoked("j3", "u2", NOW));
    }

    @Test
    void aMarkVoidsTheUsersTokensIssuedStrictlyBeforeIt() {
        list.apply(RevocationNotice.issuedBefore("u1", 100, NOW + 1020));
        assertTrue(list.isRevoked("a", "u1", 99));
        assertFalse(list.isRevoked("b", "u1", 100));
        assertFalse(list.isRevoked("c", "u2", 1));
    }

    @Test
    void aTokenWithoutIdOrSubjectCountsAsRevoked() {
        assertTrue(list.isRevoked(null, "u1", NOW));
        assertTrue(list.isRevoked("j1", null, NOW));
    }

    @Test
    void anEarlierMarkNeverMovesALaterOneBack() {
        list.apply(RevocationNotice.issuedBefore("u1", 200, NOW + 1020));
        list.apply(RevocationNotice.issuedBefore("u1", 150, NOW + 1020));
        assertTrue(list.isRevoked("a", "u1", 199));

        RevocationList.Load load = list.startLoad();
        load.add("lv:revoked-before:u2", "300", 60_000, NOW_MILLIS);
        load.add("lv:revoked-before:u2", "250", 60_000, NOW_MILLIS);
        list.replaceWith(load);
        assertTrue(list.isRevoked("a", "u2", 299));
    }

    @Test
    void aFullLoadReplacesEverythingItDidNotSee() {
        list.apply(RevocationNotice.token("u1", "gone"));
        list.apply(RevocationNotice.issuedBefore("u1", 500));
        RevocationList.Load load = list.startLoad();
        load.add("lv:revoked:j1", "1", 900_000, NOW_MILLIS);
        load.add("lv:revoked-before:u2", "400", 1_020_000, NOW_MILLIS);
        list.replaceWith(load);

        assertFalse(list.isRevoked("gone", "u1", 1));
        assertFalse(list.isRevoked("x", "u1", 1));
        assertTrue(list.isRevoked("j1", "u3", NOW));
        assertTrue(list.isRevoked("y", "u2", 399));
        assertEquals(1, list.revokedTokenCount());
        assertEquals(1, list.markCount());
    }

    @Test
    void aNoticeThatArrivesDuringALoadSurvivesIt() {
        RevocationList.Load load = list.startLoad();
        list.apply(RevocationNotice.token("u1", "during", NOW + 900));
        list.apply(RevocationNotice.issuedBefore("u2", 700, NOW + 1020));
        load.add("lv:revoked:before-load", "1", 900_000, NOW_MILLIS);
        list.replaceWith(load);

        assertTrue(list.isRevoked("during", "u1", NOW));
        assertTrue(list.isRevoked("any", "u2", 699));
        assertTrue(list.isRevoked("before-load", "u1", NOW));
    }

    @Test
    void keysOfOtherShapesGoneKeysAndUnreadableMarksAreSkipped() {
        RevocationList.Load load = list.startLoad();
        load.add("lv:revoked-before:u1", "junk", 60_000, NOW_MILLIS);
        load.add("lv:revoked:", "1", 60_000, NOW_MILLIS);
        load.add("lv:revoked-before:", "5", 60_000, NOW_MILLIS);
        load.add("lv:revoked:j-gone", "1", -2, NOW_MILLIS);
        load.add("lv:revoked:j-vanished", null, 60_000, NOW_MILLIS);
        load.add("lv:revokedsomething", "1", 60_000, NOW_MILLIS);
        assertEquals(0, load.size());
        list.replaceWith(load);
        assertFalse(list.isRevoked("j-gone", "u1", 1));
        assertFalse(list.isRevoked("j-vanished", "u1", 1));
    }

    @Test
    void expiredEntriesAreDroppedAndOnesWithoutExpiryWaitForTheNextLoad() {
        list.apply(RevocationNotice.token("u1", "short", NOW + 10));
        list.apply(RevocationNotice.token("u1", "unknown"));
        RevocationList.Load load = list.startLoad();
        load.add("lv:revoked-before:u2", "100", 5_000, NOW_MILLIS);
        load.add("lv:revoked:forever", "1", -1, NOW_MILLIS);
        list.replaceWith(load);
        list.apply(RevocationNotice.token("u1", "short", NOW + 10));

        list.dropExpired(NOW + 4);
        assertTrue(list.isRevoked("a", "u2", 99));
        list.dropExpired(NOW + 5);
        assertFalse(list.isRevoked("a", "u2", 99), "the mark's key expired at now + 5 s");
        assertTrue(list.isRevoked("short", "u1", NOW));
        list.dropExpired(NOW + 10);
        assertFalse(list.isRevoked("short", "u1", NOW));
        list.dropExpired(Long.MAX_VALUE - 1);
        assertTrue(list.isRevoked("forever", "u1", NOW));
    }

    @Test
    void oneLoadRunsAtATimeUnlessItHangsPastTheTimeout() {
        RevocationList.Load first = list.tryStartLoad(NOW_MILLIS, 10_000);
        assertNotNull(first);
        assertNull(list.tryStartLoad(NOW_MILLIS + 9_999, 10_000), "a load is running");
        RevocationList.Load second = list.tryStartLoad(NOW_MILLIS + 10_000, 10_000);
        assertNotNull(second, "the first one hangs: the next may start");

        second.add("lv:revoked:j2", "1", 60_000, NOW_MILLIS);
        list.finish(second, NOW_MILLIS);
        first.add("lv:revoked:j1", "1", 60_000, NOW_MILLIS);
        list.finish(first, NOW_MILLIS); // late: merged, undoing nothing the later load brought
        assertTrue(list.isRevoked("j1", "u", NOW));
        assertTrue(list.isRevoked("j2", "u", NOW));
        assertNotNull(list.tryStartLoad(NOW_MILLIS, 10_000));
    }

    @Test
    void aLoadAskedForWhileOneRunsFollowsIt() {
        RevocationList.Load running = list.tryStartLoad(NOW_MILLIS, 10_000);
        assertFalse(list.finish(running, NOW_MILLIS), "nobody asked for another");

        running = list.tryStartLoad(NOW_MILLIS, 10_000);
        assertNull(list.tryStartLoad(NOW_MILLIS + 5, 10_000), "asked for while one runs");
        assertTrue(list.finish(running, NOW_MILLIS + 10), "the caller must start the one asked for");
        RevocationList.Load following = list.tryStartLoad(NOW_MILLIS + 10, 10_000);
        assertNotNull(following);
        assertFalse(list.finish(following, NOW_MILLIS + 20), "the request was consumed by the load that followed");
    }

    @Test
    void aFailedLoadLeavesTheListAsItWasAndLetsTheNextStart() {
        list.apply(RevocationNotice.token("u", "kept", NOW + 900));
        assertNotNull(list.tryStartLoad(NOW_MILLIS, 10_000));
        list.abandonLoad();
        assertTrue(list.isRevoked("kept", "u", NOW));
        assertNotNull(list.tryStartLoad(NOW_MILLIS, 10_000));
    }

    @Test
    void aFinishedLoadDropsWhatHasExpired() {
        RevocationList.Load load = list.tryStartLoad(NOW_MILLIS, 10_000);
        load.add("lv:revoked:short", "1", 1_000, NOW_MILLIS);
        load.add("lv:revoked:long", "1", 60_000, NOW_MILLIS);
        list.finish(load, NOW_MILLIS + 1_000);
        assertFalse(list.isRevoked("short", "u", NOW));
        assertTrue(list.isRevoked("long", "u", NOW));
    }

    @Test
    void channelMessagesThatAreNotNoticesAreIgnored() {
        assertFalse(list.applyMessage("probe"));
        assertTrue(list.applyMessage(RevocationNotice.token("u", "j", NOW + 60).toJson()));
        assertTrue(list.isRevoked("j", "u", NOW));
        assertEquals(1, list.revokedTokenCount());
    }

    @Test
    void noRevocationIsLostWhileNoticesAndFullLoadsInterleave() throws Exception {
        // As auth-service writes: the key first, then the notice. A load sees the keys written before its scan.
        Set<String> redis = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<?> writer = pool.submit(() -> {
                go.await();
                for (int i = 0; i < 5_000; i++) {
                    redis.add("j" + i);
                    list.apply(RevocationNotice.token("u", "j" + i, NOW + 900));
                }
                return null;
            });
            Future<?> loader = pool.submit(() -> {
                go.await();
                while (!writer.isDone()) {
                    RevocationList.Load load = list.startLoad();
                    for (String jti : List.copyOf(redis)) {
                        load.add(RevocationKeys.revokedToken(jti), "1", 900_000, NOW_MILLIS);
                    }
                    list.replaceWith(load);
                }
                return null;
            });
            go.countDown();
            writer.get(30, TimeUnit.SECONDS);
            loader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        long missing = redis.stream().filter(jti -> !list.isRevoked(jti, "u", NOW)).count();
        assertEquals(0, missing);
        assertEquals(5_000, list.revokedTokenCount());
    }
}
