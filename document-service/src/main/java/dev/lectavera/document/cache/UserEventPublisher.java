package dev.lectavera.document.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Live ingestion progress on the Redis channel {@code user-events:{userId}}; study-service relays it to the
 * user's open WebSockets as {@code document.progress}. Fire and forget: with Redis down clients poll the status.
 */
@ApplicationScoped
public class UserEventPublisher {

    /** The message, exactly: {"type":"document.progress","documentId":…,"status":…,"pagesDone":…,"pagesTotal":…}. */
    public record DocumentProgress(String type, UUID documentId, String status, int pagesDone, Integer pagesTotal) {
        public DocumentProgress(UUID documentId, String status, int pagesDone, Integer pagesTotal) {
            this("document.progress", documentId, status, pagesDone, pagesTotal);
        }
    }

    private static final Logger LOG = Logger.getLogger(UserEventPublisher.class);

    private final PubSubCommands<String> pubsub;
    private final ObjectMapper json;

    UserEventPublisher(RedisDataSource redis, ObjectMapper json) {
        this.pubsub = redis.pubsub(String.class);
        this.json = json;
    }

    public static String channel(UUID userId) {
        return "user-events:" + userId;
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "skipped")
    public void publish(UUID userId, DocumentProgress progress) {
        try {
            pubsub.publish(channel(userId), json.writeValueAsString(progress));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    void skipped(UUID userId, DocumentProgress progress, Throwable failure) {
        LOG.debugf("Redis unavailable, progress of %s not published: %s", progress.documentId(), failure.toString());
    }
}
