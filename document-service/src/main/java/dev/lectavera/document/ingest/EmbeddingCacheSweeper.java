package dev.lectavera.document.ingest;

import dev.lectavera.document.repository.EmbeddingCacheRepository;
import dev.lectavera.kit.jdbc.DataAccessException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Hourly: drops cached vectors no chunk uses, older than a day (left by documents that failed or were deleted
 * while being processed; a delete removes its own at once).
 */
@ApplicationScoped
public class EmbeddingCacheSweeper {

    private static final Logger LOG = Logger.getLogger(EmbeddingCacheSweeper.class);

    private final EmbeddingCacheRepository cache;

    EmbeddingCacheSweeper(EmbeddingCacheRepository cache) {
        this.cache = cache;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int removed = cache.deleteOrphans(Duration.ofDays(1).toSeconds());
            if (removed > 0) {
                LOG.infof("Embedding cache: removed %d vectors no chunk uses", removed);
            }
        } catch (DataAccessException e) {
            LOG.warnf("Embedding cache sweep failed: %s", e.toString());
        }
    }
}
