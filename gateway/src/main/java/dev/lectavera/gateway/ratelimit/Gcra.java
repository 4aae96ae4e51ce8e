package dev.lectavera.gateway.ratelimit;

/**
 * Generic cell rate algorithm (GCRA), the arithmetic shared by the Redis script and the in-memory
 * fallback. One number per key, the "theoretical arrival time" (TAT): the instant at which the
 * caller's bucket would be full again. Each admitted request pushes it one emission interval
 * ({@code period / limit}) further; a request is refused when that would put the TAT more than one
 * period ahead of now.
 * <p>
 * So a caller may spend {@code limit} requests at once and then one per interval: the sustained
 * rate is exactly {@code limit} per {@code period}, refills are smooth (no crowd at a window reset),
 * and Retry-After is exact. The price of allowing a full burst: a burst followed at once by use at
 * the full rate fits up to {@code 2 × limit − 1} requests into the first period — the same worst
 * case as fixed windows at their boundary. State: one key of a few bytes per caller and class.
 * All times in microseconds.
 */
public final class Gcra {

    private Gcra() {
    }

    /** Outcome of one admission attempt; {@code newTat} is what to store (unchanged when refused). */
    public record Result(boolean allowed, long newTat, int remaining, long retryAfterMicros, long resetMicros) {
    }

    /** Remaining capacity without consuming any. */
    public record Snapshot(int remaining, long resetMicros) {
    }

    public static long interval(int limit, long periodMicros) {
        return Math.max(1, periodMicros / limit);
    }

    /** @param storedTat the key's TAT, 0 when the key has no state */
    public static Result admit(long storedTat, long now, int limit, long periodMicros) {
        long interval = interval(limit, periodMicros);
        long tat = Math.max(storedTat, now);
        long newTat = tat + interval;
        long allowAt = newTat - periodMicros;
        if (allowAt > now) {
            return new Result(false, storedTat, 0, allowAt - now, tat - now);
        }
        int remaining = (int) Math.min(limit, (now - allowAt) / interval);
        return new Result(true, newTat, remaining, 0, newTat - now);
    }

    public static Snapshot peek(long storedTat, long now, int limit, long periodMicros) {
        long interval = interval(limit, periodMicros);
        long tat = Math.max(storedTat, now);
        int remaining = (int) Math.max(0, Math.min(limit, (now - (tat - periodMicros)) / interval));
        return new Snapshot(remaining, tat - now);
    }
}
