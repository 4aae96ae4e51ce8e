package dev.lectavera.study.service;

import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chat questions per user per minute (HTTP and WebSocket together): a Redis counter shared by every instance,
 * a fixed window that starts with the first question. Redis down: the same window counted per instance.
 */
@ApplicationScoped
public class ChatRateLimiter {

    private static final long WINDOW_SECONDS = 60;

    private record LocalWindow(long startedAt, int count) {
    }

    private final BestEffortRedis redis;
    private final int limit;
    private final Map<UUID, LocalWindow> local = new ConcurrentHashMap<>();

    ChatRateLimiter(BestEffortRedis redis, StudyConfig config) {
        this.redis = redis;
        this.limit = config.rateLimit().chatPerMinute();
    }

    /** @throws StudyProblem 429 {@code rate_limited} with the seconds until the window ends */
    public void acquire(UUID userId) {
        Long retryAfter = redis.call("rate limit", r -> countInRedis(r, userId), null);
        if (retryAfter == null) {
            retryAfter = countLocally(userId, System.currentTimeMillis());
        }
        if (retryAfter > 0) {
            throw StudyProblem.rateLimited(retryAfter);
        }
    }

    /** @return 0 when allowed, else seconds to wait */
    private long countInRedis(RedisDataSource r, UUID userId) {
        String key = RedisKeys.chatRate(userId);
        // SET NX EX opens the window with its expiry; INCR keeps it. Never a counter without a TTL.
        r.value(String.class).set(key, "0", new SetArgs().nx().ex(WINDOW_SECONDS));
        long count = r.value(String.class).incr(key);
        if (count <= limit) {
            return 0;
        }
        long ttl = r.key().ttl(key);
        if (ttl < 0) {
            r.key().expire(key, WINDOW_SECONDS);
            ttl = WINDOW_SECONDS;
        }
        return Math.max(1, ttl);
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
