package dev.lectavera.gateway.ratelimit;

/**
 * What the rate limits say about one request: the caller is over a limit, or the request may pass; with the numbers
 * for the X-RateLimit-* headers.
 *
 * @param rateClass the class whose numbers these are: the one that refused, or, when the request was charged to
 *                  several buckets and passed, the one with the fewest requests left (null: no limit applied)
 */
public record Admission(Outcome outcome, RateClass rateClass, int limit, int remaining, long retryAfterMicros,
                        long resetMicros) {

    public enum Outcome { ALLOWED, LIMITED }

    /** Used when rate limiting is switched off: passes, and no rate-limit headers are sent. */
    public static final Admission UNLIMITED = new Admission(Outcome.ALLOWED, null, -1, -1, 0, 0);

    public static Admission of(Gcra.Result result, RateClass rateClass, int limit) {
        return new Admission(result.allowed() ? Outcome.ALLOWED : Outcome.LIMITED, rateClass, limit, result.remaining(),
                result.retryAfterMicros(), result.resetMicros());
    }

    public boolean hasLimitHeaders() {
        return limit >= 0;
    }

    /** Whole seconds until the bucket is full again (X-RateLimit-Reset, delta seconds). */
    public long resetSeconds() {
        return ceilSeconds(resetMicros);
    }

    /** Whole seconds until one more request fits (Retry-After), at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, ceilSeconds(retryAfterMicros));
    }

    static long ceilSeconds(long micros) {
        return (micros + 999_999) / 1_000_000;
    }
}
