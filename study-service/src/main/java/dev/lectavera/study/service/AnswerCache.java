package dev.lectavera.study.service;

import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Json;
import dev.lectavera.study.model.Verdict;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * RAG answers in Redis for an hour, keyed by {@link dev.lectavera.study.service.rag.CacheKeys}. Each document
 * has an index set of the answer keys that used it; DocumentUpdated/DocumentDeleted delete exactly those keys
 * (never a SCAN over the keyspace). Redis down: every question is answered afresh.
 */
@ApplicationScoped
public class AnswerCache {

    /** What a cache hit replays. */
    public record CachedAnswer(String content, List<Citation> citations, Verdict verdict, String model) {
    }

    private final BestEffortRedis redis;
    private final StudyConfig config;

    AnswerCache(BestEffortRedis redis, StudyConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public boolean enabled() {
        return config.cache().enabled();
    }

    public Optional<CachedAnswer> get(String hash) {
        if (!config.cache().enabled()) {
            return Optional.empty();
        }
        String json = redis.call("answer cache read",
                r -> r.value(String.class).get(RedisKeys.answer(hash)), null);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(json, CachedAnswer.class));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void put(String hash, CachedAnswer answer, Collection<UUID> documentIds) {
        if (!config.cache().enabled()) {
            return;
        }
        Duration ttl = config.cache().ttl();
        String key = RedisKeys.answer(hash);
        redis.run("answer cache write", r -> {
            // index first: an answer never exists without being reachable by its documents' invalidation
            for (UUID documentId : documentIds) {
                String index = RedisKeys.answersOfDocument(documentId);
                r.set(String.class).sadd(index, key);
                r.key().expire(index, ttl.plusMinutes(5));
            }
            r.value(String.class).setex(key, ttl.toSeconds(), Json.write(answer));
        });
    }

    /** @return the number of cached answers deleted */
    public int invalidateDocument(UUID documentId) {
        String index = RedisKeys.answersOfDocument(documentId);
        return redis.call("answer cache invalidation", r -> {
            Set<String> keys = r.set(String.class).smembers(index);
            int deleted = keys.isEmpty() ? 0 : r.key().del(keys.toArray(String[]::new));
            r.key().del(index);
            return deleted;
        }, 0);
    }
}
