package dev.lectavera.document.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectavera.document.config.DocumentsConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Processing status in Redis: read first by the status route, Postgres behind it. Best effort by design: with
 * Redis down, writes are skipped and reads miss (a circuit breaker stops paying the timeout on every call).
 */
@ApplicationScoped
public class DocumentStatusCache {

    private static final Logger LOG = Logger.getLogger(DocumentStatusCache.class);
    private static final String PREFIX = "lv:doc:status:";

    private final ValueCommands<String, String> values;
    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final long ttlSeconds;

    DocumentStatusCache(RedisDataSource redis, ObjectMapper json, DocumentsConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class);
        // a snapshot written by a newer build may carry more fields
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.ttlSeconds = Math.max(1, config.statusTtl().toSeconds());
    }

    public static String key(UUID documentId) {
        return PREFIX + documentId;
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "putSkipped")
    public void put(StatusSnapshot snapshot) {
        values.setex(key(snapshot.documentId()), ttlSeconds, write(snapshot));
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "getMissed")
    public Optional<StatusSnapshot> get(UUID documentId) {
        String cached = values.get(key(documentId));
        if (cached == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(cached, StatusSnapshot.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "evictSkipped")
    public void evict(UUID documentId) {
        redis.key(String.class).del(key(documentId));
    }

    void putSkipped(StatusSnapshot snapshot, Throwable failure) {
        LOG.debugf("Redis unavailable, status of %s not cached: %s", snapshot.documentId(), failure.toString());
    }

    Optional<StatusSnapshot> getMissed(UUID documentId, Throwable failure) {
        LOG.debugf("Redis unavailable, status of %s read from Postgres: %s", documentId, failure.toString());
        return Optional.empty();
    }

    void evictSkipped(UUID documentId, Throwable failure) {
        LOG.infof("Redis unavailable, status of %s not evicted (expires by itself): %s", documentId, failure.toString());
    }

    private String write(StatusSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
