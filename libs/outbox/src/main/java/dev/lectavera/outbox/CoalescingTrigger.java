package dev.lectavera.outbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task on its own thread when fired. Fires that arrive while the task runs collapse into one more run,
 * so a burst of signals (commits, timer ticks) costs at most one extra pass and the caller never waits.
 */
public final class CoalescingTrigger implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CoalescingTrigger.class);

    private final String name;
    private final Runnable task;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    public CoalescingTrigger(String name, Runnable task) {
        this.name = name;
        this.task = task;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name(name).daemon(true).factory());
        // A periodic fire must not outlive close(): shutdown drops it instead of waiting for it.
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    /** Queues one run unless one is already queued (fires arriving meanwhile are served by it). */
    public void fire() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException shuttingDown) {
                pending.set(false);
            }
        }
    }

    /** Also fires every {@code period}, the first time after one period: the safety net behind event-driven fires. */
    public void fireEvery(Duration period) {
        try {
            thread.scheduleWithFixedDelay(this::fire, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // closed already: nothing to schedule
        }
    }

    private void run() {
        pending.set(false); // a fire from now on queues another run
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Background task %s failed", name);
        }
    }

    /** Stops the thread, letting a running pass finish for up to five seconds. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
