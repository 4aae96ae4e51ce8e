package dev.lectavera.document.ingest;

import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.repository.DocumentJobRepository;
import dev.lectavera.document.repository.DocumentJobRepository.Claim;
import dev.lectavera.document.service.CoalescingTrigger;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Feeds claimed documents to a fixed pool of worker threads, never more than {@code processing.workers} at once.
 * The queue itself is the document table (durable, shared by all instances): a new upload wakes the dispatcher
 * after its commit, a timer polls as a safety net and picks up documents whose worker died (lapsed lease), and
 * at start-up whatever a previous run left QUEUED or PROCESSING is resumed.
 */
@ApplicationScoped
public class IngestionDispatcher {

    /** Fired by an upload inside its transaction; observed after the commit. */
    public record DocumentQueued(UUID documentId) {
    }

    private static final Logger LOG = Logger.getLogger(IngestionDispatcher.class);

    private final DocumentJobRepository jobs;
    private final DocumentProcessor processor;
    private final DocumentsConfig config;
    private final ExecutorService workers;
    private final Semaphore freeWorkers;
    private final Set<UUID> activeLeases = ConcurrentHashMap.newKeySet();
    private final CoalescingTrigger trigger;
    private volatile boolean stopping;

    IngestionDispatcher(DocumentJobRepository jobs, DocumentProcessor processor, DocumentsConfig config) {
        this.jobs = jobs;
        this.processor = processor;
        this.config = config;
        int size = Math.max(1, config.processing().workers());
        this.workers = Executors.newFixedThreadPool(size, Thread.ofPlatform().name("ingest-worker-", 1).factory());
        this.freeWorkers = new Semaphore(size);
        this.trigger = new CoalescingTrigger("ingest-dispatcher", this::dispatch);
    }

    void onStart(@Observes StartupEvent startup) {
        try {
            long[] backlog = jobs.backlog();
            if (backlog[0] + backlog[1] > 0) {
                LOG.infof("Resuming unfinished documents: %d queued, %d processing (%d of them abandoned by a stopped"
                        + " instance, resumed now; the others when their lease lapses)", backlog[0], backlog[1],
                        backlog[2]);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not count unfinished documents: %s", e.toString());
        }
        trigger.fire();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentQueued queued) {
        trigger.fire();
    }

    @Scheduled(every = "${lectavera.documents.processing.poll-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        trigger.fire();
    }

    /** Claims documents while workers are free. Runs on the dispatcher thread only. */
    void dispatch() {
        while (!stopping && freeWorkers.tryAcquire()) {
            Optional<Claim> claimed;
            try {
                claimed = jobs.claimNext(config.processing().lease());
            } catch (SQLException | RuntimeException e) {
                freeWorkers.release();
                LOG.warnf("Could not claim a document (retrying at the next poll): %s", e.toString());
                return;
            }
            if (claimed.isEmpty()) {
                freeWorkers.release();
                return;
            }
            Claim claim = claimed.get();
            activeLeases.add(claim.leaseToken());
            try {
                workers.execute(() -> {
                    try {
                        processor.process(claim);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Document %s: unexpected failure; its lease will lapse", claim.documentId());
                    } finally {
                        activeLeases.remove(claim.leaseToken());
                        freeWorkers.release();
                        trigger.fire();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                activeLeases.remove(claim.leaseToken());
                freeWorkers.release();
                releaseQuietly(List.of(claim.leaseToken()));
                return;
            }
        }
    }

    /** Gives this instance's documents back to the queue so a restart (or another instance) resumes them at once. */
    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent shutdown) {
        stopping = true;
        trigger.close();
        // taken before interrupting: an interrupted worker forgets its lease (only still-held claims are released)
        List<UUID> held = List.copyOf(activeLeases);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseQuietly(held);
    }

    private void releaseQuietly(List<UUID> leases) {
        try {
            int released = jobs.release(leases);
            if (released > 0) {
                LOG.infof("Released %d unfinished documents back to the queue", released);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not release %d documents; they resume when their lease lapses: %s", leases.size(),
                    e.toString());
        }
    }
}
