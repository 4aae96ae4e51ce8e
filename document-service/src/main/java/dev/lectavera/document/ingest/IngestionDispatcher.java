package dev.lectavera.document.ingest;

import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.model.FailureCode;
import dev.lectavera.document.repository.DocumentJobRepository;
import dev.lectavera.document.repository.DocumentJobRepository.Abandoned;
import dev.lectavera.document.repository.DocumentJobRepository.Claim;
import dev.lectavera.kit.jdbc.DataAccessException;
import dev.lectavera.outbox.CoalescingTrigger;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Feeds claimed documents to a fixed pool of worker threads, never more than {@code processing.workers} at once.
 * The queue itself is the document table (durable, shared by all instances): a new upload wakes the dispatcher
 * after its commit, a timer polls as a safety net, and at start-up whatever a previous run left QUEUED is resumed.
 * A document left PROCESSING with a lapsed lease was being processed when its process died or hung: it is failed
 * ({@code crashed_processing}) rather than run again, so one file is never the reason for a second outage.
 */
@ApplicationScoped
public class IngestionDispatcher {

    /** Fired by an upload inside its transaction; observed after the commit. */
    public record DocumentQueued(UUID documentId) {
    }

    static final String CRASHED = "Processing of this document stopped without finishing (the service restarted or"
            + " the work hung while reading it). To protect the service it is not tried again automatically: if the"
            + " file is fine, delete it and upload it again.";

    private static final Logger LOG = Logger.getLogger(IngestionDispatcher.class);

    private final DocumentJobRepository jobs;
    private final DocumentProcessor processor;
    private final IndexWriter writer;
    private final FailedFiles failedFiles;
    private final ProgressReporter progress;
    private final DocumentsConfig config;
    private final ExecutorService workers;
    private final Semaphore freeWorkers;
    /** Lease tokens of the documents this instance works on, with their deadlines. */
    private final Map<UUID, Deadline> activeLeases = new ConcurrentHashMap<>();
    private final CoalescingTrigger trigger;
    private volatile boolean stopping;

    IngestionDispatcher(DocumentJobRepository jobs, DocumentProcessor processor, IndexWriter writer,
                        FailedFiles failedFiles, ProgressReporter progress, DocumentsConfig config) {
        this.jobs = jobs;
        this.processor = processor;
        this.writer = writer;
        this.failedFiles = failedFiles;
        this.progress = progress;
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
                LOG.infof("Unfinished documents: %d queued (resumed now), %d processing (%d of them abandoned by a"
                        + " dead instance: failed now, not retried; the others when their lease lapses)", backlog[0],
                        backlog[1], backlog[2]);
            }
        } catch (DataAccessException e) {
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
        failAbandoned();
        while (!stopping && freeWorkers.tryAcquire()) {
            Optional<Claim> claimed;
            try {
                claimed = jobs.claimNext(config.processing().lease());
            } catch (RuntimeException e) {
                freeWorkers.release();
                LOG.warnf("Could not claim a document (retrying at the next poll): %s", e.toString());
                return;
            }
            if (claimed.isEmpty()) {
                freeWorkers.release();
                return;
            }
            Claim claim = claimed.get();
            Deadline deadline = Deadline.after(config.limits().deadline());
            activeLeases.put(claim.leaseToken(), deadline);
            try {
                workers.execute(() -> {
                    try {
                        Thread.interrupted(); // a late deadline interrupt meant for this thread's previous document
                        processor.process(claim, deadline);
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

    /**
     * Documents whose attempt started and never finished (their lease lapsed): failed, their files deleted.
     * Runs on the dispatcher thread, before claiming.
     */
    private void failAbandoned() {
        List<Abandoned> failed;
        try {
            failed = writer.failAbandoned(CRASHED);
        } catch (RuntimeException e) {
            LOG.warnf("Could not fail abandoned documents (retrying at the next poll): %s", e.toString());
            return;
        }
        for (Abandoned document : failed) {
            LOG.warnf("Document %s was being processed when its worker died or hung: FAILED (%s), not retried",
                    document.documentId(), FailureCode.CRASHED_PROCESSING.code());
            failedFiles.delete(document.blobKey());
            progress.report(document.userId(), document.documentId(), DocumentStatus.FAILED, 0,
                    document.pageCount(), FailureCode.CRASHED_PROCESSING, CRASHED);
        }
    }

    /**
     * Gives this instance's documents back to the queue so a restart (or another instance) resumes them at once:
     * a stop for a deploy is no reason to fail them. A document already past its deadline is not given back (its
     * worker is stuck on it, which may be why the service is being stopped): its lease lapses and it ends
     * crashed_processing.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent shutdown) {
        stopping = true;
        trigger.close();
        // taken before interrupting: an interrupted worker forgets its lease (only still-held claims are released)
        List<UUID> held = activeLeases.entrySet().stream().filter(e -> !e.getValue().passed()).map(Map.Entry::getKey)
                .toList();
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
        } catch (RuntimeException e) {
            LOG.warnf("Could not release %d documents; they resume when their lease lapses: %s", leases.size(),
                    e.toString());
        }
    }
}
