package dev.lectavera.study.service;

import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat limit: questions per user per minute, HTTP and WebSocket together ({@link AskService} charges every
 * question here). The only place that counts them: the gateway never sees the questions asked inside an open socket
 * (README, "Chat limit"). A Redis counter shared by every instance, a fixed window that starts with the first
 * question (one Redis round trip per question, made while the question's session is read). Redis down: the same
 * window counted per instance.
 */
@ApplicationScoped
public class ChatRateLimiter {

    private static final long WINDOW_SECONDS = 60;
    private static final String COUNT_SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('TTL', KEYS[1])
            if ttl < 0 then
              redis.call('EXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;

    private record LocalWindow(long startedAt, int count) {
    }

    private final BestEffortRedis redis;
    private final int limit;
    private final Map<UUID, LocalWindow> local = new ConcurrentHashMap<>();

    ChatRateLimiter(BestEffortRedis redis, StudyConfig config) {
        this.redis = redis;
        this.limit = config.rateLimit().chatPerMinute();
    }

    /** A question counted against the limit; {@link #check} says whether it may go on. */
    public final class Charge {
        private final UUID userId;
        private final CompletableFuture<Long> counted;

        private Charge(UUID userId, CompletableFuture<Long> counted) {
            this.userId = userId;
            this.counted = counted;
        }

        /** @throws StudyProblem 429 {@code rate_limited} with the seconds until the window ends */
        public void check() {
            Long retryAfter = counted.join();
            if (retryAfter == null) {
                retryAfter = countLocally(userId, System.currentTimeMillis());
            }
            if (retryAfter > 0) {
                throw StudyProblem.rateLimited(retryAfter);
            }
        }
    }

    /**
     * Counts a question now and returns before Redis has answered: the caller reads what the question needs
     * meanwhile and calls {@link Charge#check} before it stores or announces anything.
     */
    public Charge charge(UUID userId) {
        return new Charge(userId, redis.start("rate limit", r -> countInRedis(r, userId), null));
    }

    /** @return 0 when allowed, else seconds to wait */
    private Uni<Long> countInRedis(ReactiveRedisDataSource r, UUID userId) {
        // One round trip: INCR, and in the same atomic script the window's expiry when the key has none (a new
        // window, or a counter that lost its TTL). Never a counter without a TTL.
        return r.execute("EVAL", COUNT_SCRIPT, "1", RedisKeys.chatRate(userId), Long.toString(WINDOW_SECONDS))
                .map(reply -> {
                    long count = reply.get(0).toLong();
                    long ttl = reply.get(1).toLong();
                    return count <= limit ? 0L : Math.max(1L, ttl);
                });
    }

    long countLocally(UUID userId, long nowMs) {
        LocalWindow window = local.compute(userId, (id, current) ->
                current == null || nowMs - current.startedAt() >= WINDOW_SECONDS * 1000
                        ? new LocalWindow(nowMs, 1) : new LocalWindow(current.startedAt(), current.count() + 1));
        if (local.size() > 100_000) {
            local.entrySet().removeIf(e -> nowMs - e.getValue().startedAt() >= WINDOW_SECONDS * 1000);
        }
        if (window.count() <= limit) {
            return 0;
        }
        return Math.max(1, (window.startedAt() + WINDOW_SECONDS * 1000 - nowMs + 999) / 1000);
    }
}
