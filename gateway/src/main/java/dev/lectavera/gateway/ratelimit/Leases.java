package dev.lectavera.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The leases this instance holds, one per bucket of a leased class ({@link Lease}), and their calls to Redis
 * ({@code lease.lua}): a request spends a cell from memory and makes no Redis call; when none is left it makes (or
 * waits for) the one lease call of its bucket. Leases idle for a ttl are swept: their unspent cells are given back
 * so another instance can use them.
 */
final class Leases {

    static final RedisScript SCRIPT = RedisScript.load("ratelimit/lease.lua");

    /** A caller whose lease was swept while the table filled up: decided in memory this once. */
    private static final IllegalStateException TABLE_FULL = new IllegalStateException("lease table full");

    private final ConcurrentHashMap<String, Lease> byKey = new ConcurrentHashMap<>();
    private final RedisLanes lanes;
    private final RedisOutage outage;
    private final IntSupplier instances;
    private final long ttlNanos;
    private final int maxLeases;

    /**
     * @param instances how many gateway instances share the buckets (the lease shrinks with it)
     * @param maxLeases the most buckets leased at once; callers beyond it are charged one script call per request
     */
    Leases(RedisLanes lanes, RedisOutage outage, IntSupplier instances, long ttlNanos, int maxLeases) {
        this.lanes = lanes;
        this.outage = outage;
        this.instances = instances;
        this.ttlNanos = ttlNanos;
        this.maxLeases = maxLeases;
    }

    /**
     * Admits or refuses one request charged to one bucket. Completes on {@code context}; fails only when Redis failed
     * (already reported to {@link RedisOutage}), and the caller then decides in memory. Null when the table is full
     * and the caller holds no lease: the request is then for the per-request script.
     */
    Future<Admission> admit(ContextInternal context, RateCharge charge, int limit, long periodMicros) {
        String key = charge.key();
        long now = System.nanoTime();
        Lease known = byKey.get(key);
        if (known == null && byKey.size() >= maxLeases) {
            return null; // a flood of new callers: they get no lease (no memory here) and one script call each
        }
        Lease lease = known != null ? known
                : byKey.computeIfAbsent(key, k -> new Lease(charge.rateClass(), limit, periodMicros, ttlNanos, now));
        Admission spent = lease.take(now);
        if (spent != null) {
            Promise<Lease.Grant> ahead = lease.claimPrefetch(now);
            if (ahead != null) {
                call(context, key, lease, 0, ahead, false);
            }
            return context.succeededFuture(spent);
        }
        Lease.Call next = lease.needCells(now);
        if (next == null) {
            byKey.remove(key, lease); // retired by the sweep a moment ago: a fresh lease
            Future<Admission> afresh = admit(context, charge, limit, periodMicros);
            return afresh != null ? afresh : context.failedFuture(TABLE_FULL);
        }
        if (next.mine()) {
            return call(context, key, lease, next.givenBack(), next.promise(), true);
        }
        // Another request of this caller is fetching the bucket's next lease: its grant serves this one too.
        Promise<Admission> decided = context.promise();
        next.promise().future().onComplete(done -> {
            if (done.failed()) {
                decided.fail(done.cause());
            } else if (done.result().granted() == 0) {
                decided.complete(lease.limited(done.result()));
            } else {
                Future<Admission> again = admit(context, charge, limit, periodMicros);
                (again != null ? again : context.<Admission>failedFuture(TABLE_FULL)).onComplete(decided);
            }
        });
        return decided.future();
    }

    /** Cells this instance holds for the bucket and may still spend (added to Redis' count in the status). */
    int spendable(String key) {
        Lease lease = byKey.get(key);
        return lease == null ? 0 : lease.spendable(System.nanoTime());
    }

    /**
     * Completes once the bucket's lease call in flight (if any) has been recorded: until then Redis has counted cells
     * this instance does not know it holds yet, and a status read meanwhile would show them as spent.
     */
    Future<Void> settled(String key) {
        Lease lease = byKey.get(key);
        Promise<Lease.Grant> call = lease == null ? null : lease.inFlight();
        return call == null ? Future.succeededFuture() : call.future().<Void>mapEmpty().otherwiseEmpty();
    }

    /** Forgets leases idle for a ttl, giving their unspent cells back over {@code redis}. */
    void sweep(Redis redis) {
        long now = System.nanoTime();
        byKey.forEach((key, lease) -> {
            int back = lease.retireIfIdle(now);
            if (back < 0) {
                return;
            }
            byKey.remove(key, lease);
            if (back > 0) {
                // Lost when Redis fails: those cells then stay charged until the bucket refills, never more admitted.
                SCRIPT.run(request -> arguments(request, key, lease, back, 0), redis::send);
            }
        });
    }

    int size() {
        return byKey.size();
    }

    /**
     * The lease call: gives back {@code givenBack} expired cells and takes the next lease. Records the grant in the
     * lease, then completes {@code promise} (for the requests waiting on it). With {@code forRequest} the answer is
     * the calling request's admission.
     */
    private Future<Admission> call(ContextInternal context, String key, Lease lease, int givenBack,
                                   Promise<Lease.Grant> promise, boolean forRequest) {
        return SCRIPT.run(request -> arguments(request, key, lease, givenBack, Lease.largest(lease.limit())),
                        request -> lanes.send(context, request))
                .transform(reply -> {
                    if (reply.failed()) {
                        outage.failed(reply.cause());
                        lease.failed();
                        promise.fail(reply.cause());
                        return context.failedFuture(reply.cause());
                    }
                    outage.answered();
                    Lease.Grant grant = grantOf(reply.result());
                    Admission admission = lease.granted(grant, System.nanoTime(), forRequest);
                    promise.complete(grant);
                    return context.succeededFuture(admission);
                });
    }

    private void arguments(Request request, String key, Lease lease, int givenBack, int largest) {
        request.arg(1).arg(key).arg(lease.limit()).arg(lease.periodMicros()).arg(givenBack).arg(largest)
                .arg(instances.getAsInt());
    }

    static Lease.Grant grantOf(Response reply) {
        return new Lease.Grant(reply.get(0).toInteger(), reply.get(1).toInteger(), reply.get(2).toLong(), reply.get(3).toLong());
    }
}
