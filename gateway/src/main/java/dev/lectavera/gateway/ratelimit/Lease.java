package dev.lectavera.gateway.ratelimit;

import io.vertx.core.Promise;

/**
 * This instance's share of one shared GCRA bucket: the cells Redis granted it ({@code lease.lua}) and not yet
 * spent. A request spends one cell from memory; when none is left it asks Redis for the next lease and waits, and
 * when a lease of several cells is half spent the next one is fetched ahead of need, so a steady caller normally
 * never waits on Redis. Cells are charged to the bucket when granted, so the instances together never admit more
 * than the bucket allows; a cell is spent at most {@code ttl} after its grant, later it is given back.
 * <p>
 * At most two leases are held at once (the older one, spent first, and the one fetched ahead), each with its own
 * expiry. Several event loops may serve one caller at once: every method is synchronized (one caller's requests, so no
 * contention worth more). Times are {@link System#nanoTime()} values passed in, so the arithmetic is testable.
 */
final class Lease {

    /** The lease of a bucket is never larger than this share of its limit (1/20: at most 5 % held by one instance). */
    static final int LARGEST_SHARE = 20;

    /** What {@code lease.lua} answered: cells granted, the bucket's room left after them, its timings. */
    record Grant(int granted, int left, long retryAfterMicros, long resetMicros) {
    }

    /** A lease call: made by this request ({@code mine}, giving back {@code givenBack} expired cells) or waited for. */
    record Call(Promise<Grant> promise, boolean mine, int givenBack) {
    }

    private final RateClass rateClass;
    private final int limit;
    private final long periodMicros;
    private final long ttlNanos;

    /** Cells of the older lease still spendable here, until {@code currentExpires}; spent first. */
    private int current;
    private long currentExpires;
    /** Cells of the lease fetched ahead, until {@code nextExpires}: each lease keeps its own expiry. */
    private int next;
    private long nextExpires;
    /** Expired cells not given back yet: they go back to Redis with the next lease call. */
    private int owed;
    private int leftInRedis;
    private long fullAt;
    private int lastGranted;
    private long lastUsed;
    /** The lease call in flight, which requests finding no cell wait for; null when none. */
    private Promise<Grant> fetching;
    /** Swept from the table: a request holding it looks the bucket up again. */
    private boolean retired;

    Lease(RateClass rateClass, int limit, long periodMicros, long ttlNanos, long now) {
        this.rateClass = rateClass;
        this.limit = limit;
        this.periodMicros = periodMicros;
        this.ttlNanos = ttlNanos;
        this.lastUsed = now;
        this.fullAt = now;
    }

    RateClass rateClass() {
        return rateClass;
    }

    int limit() {
        return limit;
    }

    long periodMicros() {
        return periodMicros;
    }

    /** The largest lease of a bucket with this limit. */
    static int largest(int limit) {
        return Math.max(1, limit / LARGEST_SHARE);
    }

    /**
     * Whether leasing pays for a class: only when a lease can hold at least two cells (limit ≥ 40). Smaller limits
     * would take one cell per request anyway and stay on the per-request script.
     */
    static boolean worthLeasing(int limit) {
        return largest(limit) >= 2;
    }

    /** Spends one live cell; null when there is none (the caller then asks Redis). */
    synchronized Admission take(long now) {
        expire(now);
        if (retired || current == 0) {
            return null;
        }
        current--;
        lastUsed = now;
        return allowed(now);
    }

    /**
     * Claims the call for the next lease ahead of need (the last lease held several cells and half of it is spent,
     * none in flight), or null. The caller makes the call, records it with {@link #granted} or {@link #failed}, then
     * completes the returned promise.
     */
    synchronized Promise<Grant> claimPrefetch(long now) {
        expire(now);
        if (retired || fetching != null || lastGranted < 2 || current + next > lastGranted / 2) {
            return null;
        }
        fetching = Promise.promise();
        return fetching;
    }

    /**
     * A request found no cell: the lease call to wait for, or, when none is in flight, a new one the caller must make
     * ({@code mine}), with the expired cells to give back in it. Null when the lease was retired (look it up again).
     */
    synchronized Call needCells(long now) {
        if (retired) {
            return null;
        }
        if (fetching != null) {
            return new Call(fetching, false, 0);
        }
        expire(now);
        fetching = Promise.promise();
        int givenBack = owed;
        owed = 0;
        return new Call(fetching, true, givenBack);
    }

    /** The lease call in flight, or null. */
    synchronized Promise<Grant> inFlight() {
        return fetching;
    }

    /**
     * Records Redis' answer. With {@code forRequest} one granted cell goes at once to the request that made the call
     * and its admission is returned (a refusal when nothing was granted); otherwise null.
     */
    synchronized Admission granted(Grant grant, long now, boolean forRequest) {
        fetching = null;
        lastGranted = grant.granted();
        leftInRedis = grant.left();
        fullAt = now + grant.resetMicros() * 1_000;
        expire(now);
        if (grant.granted() > 0) {
            if (current == 0) {
                current = grant.granted();
                currentExpires = now + ttlNanos;
            } else if (next == 0) {
                next = grant.granted();
                nextExpires = now + ttlNanos;
            } else {
                next += grant.granted(); // not expected (one call at a time); keeps the earlier expiry, never a later one
            }
        }
        if (!forRequest) {
            return null;
        }
        if (grant.granted() == 0) {
            return limited(grant);
        }
        current--;
        lastUsed = now;
        return allowed(now);
    }

    synchronized void failed() {
        fetching = null;
    }

    /** Cells this instance may still spend, for the status endpoint. */
    synchronized int spendable(long now) {
        expire(now);
        return current + next;
    }

    /**
     * Retires the lease when nothing used it for a ttl and no call is in flight. Returns the cells to give back to
     * Redis (0 or more), or -1 when the lease stays.
     */
    synchronized int retireIfIdle(long now) {
        if (retired || fetching != null || now - lastUsed < ttlNanos) {
            return -1;
        }
        retired = true;
        int back = owed + current + next;
        owed = 0;
        current = 0;
        next = 0;
        return back;
    }

    Admission limited(Grant grant) {
        return new Admission(Admission.Outcome.LIMITED, rateClass, limit, 0, grant.retryAfterMicros(), grant.resetMicros());
    }

    /** Remaining: the bucket's room Redis reported with the last grant plus the cells still held here. */
    private Admission allowed(long now) {
        return new Admission(Admission.Outcome.ALLOWED, rateClass, limit, Math.min(limit, leftInRedis + current + next), 0,
                Math.max(0, (fullAt - now) / 1_000));
    }

    /** Moves expired cells to {@code owed}, and the lease fetched ahead into place once the older one is gone. */
    private void expire(long now) {
        if (current > 0 && now - currentExpires >= 0) {
            owed += current;
            current = 0;
        }
        if (current == 0 && next > 0) {
            current = next;
            currentExpires = nextExpires;
            next = 0;
            if (now - currentExpires >= 0) {
                owed += current;
                current = 0;
            }
        }
    }
}
