package dev.lectavera.document.service;

import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task on its own thread when fired. Fires that arrive while the task runs collapse into one more run,
 * so a burst of signals (commits, timer ticks) costs at most one extra pass and the caller never waits.
 */
public final class CoalescingTrigger implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CoalescingTrigger.class);

    private final Runnable task;
    private final ExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    public CoalescingTrigger(String name, Runnable task) {
        this.task = task;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon(true).factory());
    }

    public void fire() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                pending.set(false);
            }
        }
    }

    private void run() {
        pending.set(false); // a fire from now on schedules another run
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Background task failed");
        }
    }

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
