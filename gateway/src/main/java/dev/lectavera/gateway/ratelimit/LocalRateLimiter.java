package dev.lectavera.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The per-instance limiter used while Redis is unreachable: the same GCRA arithmetic and limits,
 * one TAT per key in a map. Keys whose bucket is full again are swept away, so memory follows the
 * number of recently active callers; past {@code maxKeys} new callers share one bucket per class
 * (under such a flood, throttling newcomers together beats both unbounded memory and no limit).
 */
public final class LocalRateLimiter {

    private final ConcurrentHashMap<String, AtomicLong> tats = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final LongSupplier clockMicros;

    public LocalRateLimiter(int maxKeys, LongSupplier clockMicros) {
        this.maxKeys = maxKeys;
        this.clockMicros = clockMicros;
    }

    public Gcra.Result admit(RateClass rateClass, String key, int limit, long periodMicros) {
        long now = clockMicros.getAsLong();
        AtomicLong tat = tats.get(key);
        if (tat == null) {
            if (tats.size() >= maxKeys) {
                sweep();
                if (tats.size() >= maxKeys) {
                    key = "overflow:" + rateClass.label();
                }
            }
            tat = tats.computeIfAbsent(key, k -> new AtomicLong());
        }
        while (true) {
            long stored = tat.get();
            Gcra.Result result = Gcra.admit(stored, now, limit, periodMicros);
            if (!result.allowed() || tat.compareAndSet(stored, result.newTat())) {
                return result;
            }
        }
    }

    public Gcra.Snapshot peek(String key, int limit, long periodMicros) {
        AtomicLong tat = tats.get(key);
        return Gcra.peek(tat == null ? 0 : tat.get(), clockMicros.getAsLong(), limit, periodMicros);
    }

    /** Drops keys whose bucket is full again: forgetting them changes nothing. */
    public void sweep() {
        long now = clockMicros.getAsLong();
        tats.values().removeIf(tat -> tat.get() <= now);
    }

    public int size() {
        return tats.size();
    }
}
