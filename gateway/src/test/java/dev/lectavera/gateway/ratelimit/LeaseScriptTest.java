package dev.lectavera.gateway.ratelimit;

import dev.lectavera.gateway.TestRedis;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lease.lua against the real Redis: grants never exceed the bucket, shrink as it empties, give-backs refill it. */
class LeaseScriptTest {

    private static final long TEN_MINUTES = 600_000_000L;

    @RegisterExtension
    final TestRedis redis = new TestRedis();

    @Test
    void leasesShrinkAsTheBucketEmptiesAndNeverGrantMoreThanTheLimit() throws Exception {
        String key = "lv:rl:test:" + UUID.randomUUID();
        List<Integer> grants = new ArrayList<>();
        int total = 0;
        Lease.Grant grant;
        do {
            grant = lease(key, 100, 0, 5, 2);
            grants.add(grant.granted());
            total += grant.granted();
            assertEquals(100 - total, grant.left(), "left after each grant");
        } while (grant.granted() > 0);
        assertEquals(100, total, "exactly the limit over all leases: " + grants);
        assertEquals(5, grants.get(0), "largest lease first (100 / 20)");
        // left / (2 × 2 instances): 5 while at least 20 are left, then smaller, one cell at the end
        assertEquals(List.of(5, 3, 2, 1, 0), grants.stream().distinct().toList(), "never growing: " + grants);
        assertEquals(1, grants.get(grants.size() - 2), "the last cells one at a time");
        assertTrue(grant.retryAfterMicros() > 5_000_000L && grant.retryAfterMicros() <= 6_000_000L,
                "nothing granted: retry in one interval (6 s): " + grant.retryAfterMicros());
        assertTrue(grant.resetMicros() > TEN_MINUTES - 1_000_000L, "full again in about a period: " + grant.resetMicros());
    }

    @Test
    void aLeaseAdvancesTheBucketLikeThatManySingleRequests() throws Exception {
        String key = "lv:rl:test:" + UUID.randomUUID();
        assertEquals(5, lease(key, 100, 0, 5, 1).granted());
        Response alone = send(Request.cmd(Command.EVAL).arg(AdmissionControl.ADMIT.text()).arg(1).arg(key)
                .arg(1).arg(100).arg(TEN_MINUTES));
        assertEquals(1, alone.get(0).toInteger());
        assertEquals(94, alone.get(1).toInteger(), "the per-request script sees the five leased cells as spent");
    }

    @Test
    void givenBackCellsAreAvailableAgainAndAFullBucketForgetsItsKey() throws Exception {
        String key = "lv:rl:test:" + UUID.randomUUID();
        lease(key, 100, 0, 5, 1);
        Lease.Grant afterReturn = lease(key, 100, 3, 0, 1);
        assertEquals(0, afterReturn.granted(), "a give-back alone takes nothing");
        assertEquals(98, afterReturn.left());
        Lease.Grant allBack = lease(key, 100, 2, 0, 1);
        assertEquals(100, allBack.left());
        assertEquals(0, send(Request.cmd(Command.EXISTS).arg(key)).toInteger(), "a full bucket has no key");
        assertEquals(100, lease(key, 100, 50, 0, 1).left(), "giving back more than was taken never adds room");
    }

    @Test
    void manyInstancesLeasingAtOnceNeverOvershoot() throws Exception {
        String key = "lv:rl:test:" + UUID.randomUUID();
        List<io.vertx.core.Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(redis.client().send(leaseRequest(key, 60, 0, 3, 3)));
        }
        int total = 0;
        for (io.vertx.core.Future<Response> call : calls) {
            total += call.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).get(0).toInteger();
        }
        assertEquals(60, total);
    }

    private Lease.Grant lease(String key, int limit, int givenBack, int largest, int instances) throws Exception {
        return Leases.grantOf(send(leaseRequest(key, limit, givenBack, largest, instances)));
    }

    private static Request leaseRequest(String key, int limit, int givenBack, int largest, int instances) {
        return Request.cmd(Command.EVAL).arg(Leases.SCRIPT.text()).arg(1).arg(key)
                .arg(limit).arg(TEN_MINUTES).arg(givenBack).arg(largest).arg(instances);
    }

    private Response send(Request request) throws Exception {
        return redis.send(request);
    }
}
