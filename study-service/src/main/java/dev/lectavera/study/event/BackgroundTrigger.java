package dev.lectavera.study.event;

import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task on its own thread when fired; fires arriving while it runs fold into one more run. The caller
 * (a request thread after its commit) never waits.
 */
final class BackgroundTrigger implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundTrigger.class);

    private final Runnable task;
    private final ExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    BackgroundTrigger(String name, Runnable task) {
        this.task = task;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon(true).factory());
    }

    void fire() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException shuttingDown) {
                pending.set(false);
            }
        }
    }

    private void run() {
        pending.set(false);
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
