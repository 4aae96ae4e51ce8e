package dev.lectavera.gateway.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Text lines written to a stream by one thread of its own, many at a time: the thread waits for a line, lets more
 * gather for {@code linger}, then writes all that are waiting and flushes once. Per line the caller pays a queue
 * insertion instead of a thread hand-over and a {@code write} system call. Nothing is ever dropped: when
 * {@code capacity} lines are waiting, {@link #add} waits for room; after {@link #close} a line is written at once.
 * Writes are cut at line boundaries into chunks of at most {@value #CHUNK} bytes, which a pipe writes atomically, so
 * another writer of the same stream (the console handler's other lines) never lands inside a line.
 */
public final class BatchedLines implements AutoCloseable {

    static final int CHUNK = 4096;

    private final BlockingQueue<String> waiting;
    private final OutputStream sink;
    private final long lingerMillis;
    private final Consumer<Exception> onError;
    private final Thread writer;
    private final byte[] chunk = new byte[CHUNK];
    private volatile boolean closed;

    /**
     * @param sink    where the lines go (each line carries its own line separator)
     * @param onError told of a failed write; the lines of that write are lost, later ones are tried again
     */
    public BatchedLines(OutputStream sink, int capacity, Duration linger, String threadName, Consumer<Exception> onError) {
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.lingerMillis = linger.toMillis();
        this.onError = onError;
        this.writer = new Thread(this::run, threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a line; waits while {@code capacity} lines are waiting. */
    public void add(String line) {
        if (closed) {
            write(List.of(line));
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                waiting.put(line);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the line still goes out; the caller's interrupt is kept
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (closed) {
            drain(); // close may have drained before this line arrived
        }
    }

    /** Writes every waiting line and stops the writer thread; later lines are written by their callers. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }

    private void run() {
        List<String> batch = new ArrayList<>();
        try {
            while (!closed) {
                batch.add(waiting.take());
                if (lingerMillis > 0) {
                    Thread.sleep(lingerMillis);
                }
                waiting.drainTo(batch);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            write(batch); // a line taken before close: close drains the rest
        }
    }

    private void drain() {
        List<String> rest = new ArrayList<>();
        waiting.drainTo(rest);
        write(rest);
    }

    private synchronized void write(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        try {
            int used = 0;
            for (String line : lines) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                if (used > 0 && used + bytes.length > CHUNK) {
                    sink.write(chunk, 0, used);
                    used = 0;
                }
                if (bytes.length > CHUNK) {
                    sink.write(bytes);
                } else {
                    System.arraycopy(bytes, 0, chunk, used, bytes.length);
                    used += bytes.length;
                }
            }
            if (used > 0) {
                sink.write(chunk, 0, used);
            }
            sink.flush();
        } catch (IOException | RuntimeException e) {
            onError.accept(e);
        }
    }
}
