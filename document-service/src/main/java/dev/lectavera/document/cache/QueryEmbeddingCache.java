package dev.lectavera.document.cache;

import dev.lectavera.document.config.EmbeddingsConfig;
import dev.lectavera.document.embedding.VectorCodec;
import dev.lectavera.document.service.Hashes;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.jboss.logging.Logger;

import java.util.Base64;
import java.util.Optional;

/**
 * Query vectors in Redis for 24 h ({@code lv:qemb:{model}:{sha256(query)}}): a repeated question (study and quiz
 * ask the same ones) skips the model. With Redis down the vector is simply computed.
 */
@ApplicationScoped
public class QueryEmbeddingCache {

    private static final Logger LOG = Logger.getLogger(QueryEmbeddingCache.class);

    private final ValueCommands<String, String> values;
    private final long ttlSeconds;

    QueryEmbeddingCache(RedisDataSource redis, EmbeddingsConfig config) {
        this.values = redis.value(String.class);
        this.ttlSeconds = Math.max(1, config.queryCacheTtl().toSeconds());
    }

    static String key(String model, String query) {
        return "lv:qemb:" + model + ":" + Hashes.sha256Hex(query);
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "missed")
    public Optional<float[]> get(String model, String query) {
        String cached = values.get(key(model, query));
        return cached == null ? Optional.empty() : Optional.of(VectorCodec.decode(Base64.getDecoder().decode(cached)));
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "skipped")
    public void put(String model, String query, float[] vector) {
        values.setex(key(model, query), ttlSeconds, Base64.getEncoder().encodeToString(VectorCodec.encode(vector)));
    }

    Optional<float[]> missed(String model, String query, Throwable failure) {
        LOG.debugf("Redis unavailable, query vector not cached: %s", failure.toString());
        return Optional.empty();
    }

    void skipped(String model, String query, float[] vector, Throwable failure) {
        LOG.debugf("Redis unavailable, query vector not stored: %s", failure.toString());
    }
}
