package dev.lectavera.gateway.ratelimit;

/**
 * What the gateway's shared state says about one request: the token is revoked, the caller is over
 * the class's limit, or the request may pass; with the numbers for the X-RateLimit-* headers.
 */
public record Admission(Outcome outcome, int limit, int remaining, long retryAfterMicros, long resetMicros) {

    public enum Outcome { ALLOWED, LIMITED, REVOKED }

    public static final Admission REVOKED = new Admission(Outcome.REVOKED, 0, 0, 0, 0);

    /** Used when rate limiting is switched off: passes, and no rate-limit headers are sent. */
    public static final Admission UNLIMITED = new Admission(Outcome.ALLOWED, -1, -1, 0, 0);

    public static Admission of(Gcra.Result result, int limit) {
        return new Admission(result.allowed() ? Outcome.ALLOWED : Outcome.LIMITED, limit, result.remaining(),
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
