package dev.lectavera.document.ingest;

import dev.lectavera.document.repository.DocumentJobRepository;
import dev.lectavera.document.repository.DocumentJobRepository.Claim;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renews a worker's lease on a timer while the worker runs, whatever it is busy with (a long extraction, a slow
 * embedding batch on a loaded machine), but never past the document's deadline: a worker that hangs where it
 * cannot look at its deadline lets its lease lapse, and the document then ends {@code crashed_processing} instead
 * of holding its claim forever. Past the deadline the worker is also interrupted (which frees it from blocking
 * I/O). If the claim turns out to be lost (document deleted, or failed after a lapse), the worker learns it at its
 * next check.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

    private final Claim claim;
    private final ScheduledFuture<?> renewal;
    private volatile boolean lost;
    private volatile boolean closed;

    LeaseKeeper(Claim claim, DocumentJobRepository jobs, Duration lease, Deadline deadline,
                ScheduledExecutorService timer) {
        this.claim = claim;
        Thread worker = Thread.currentThread();
        long period = Math.max(1000, lease.toMillis() / 3);
        Duration grace = Duration.ofMillis(period);
        boolean[] interrupted = {false};
        this.renewal = timer.scheduleWithFixedDelay(() -> {
            if (deadline.passed()) {
                if (!interrupted[0] && !closed && deadline.passedBy(grace)) {
                    interrupted[0] = true;
                    LOG.warnf("Document %s: its worker is past the deadline; interrupting it", claim.documentId());
                    worker.interrupt();
                }
                return; // no renewal: the lease lapses unless the worker ends the document first
            }
            try {
                if (!jobs.renewLease(claim, lease)) {
                    lost = true;
                }
            } catch (RuntimeException e) {
                // a missed renewal is harmless while the lease still runs; the next one may succeed
                LOG.warnf("Document %s: lease renewal failed: %s", claim.documentId(), e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    void lost() {
        lost = true;
    }

    /** @throws LeaseLostException when this worker no longer owns the document */
    void checkHeld() {
        if (lost) {
            throw new LeaseLostException("Document " + claim.documentId() + " was deleted or taken over");
        }
    }

    @Override
    public void close() {
        closed = true;
        renewal.cancel(false);
    }
}
