package dev.lectavera.gateway.log;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchedLinesTest {

    /** Records every write call; optionally holds the writer until released. */
    private static final class RecordingSink extends OutputStream {
        final List<String> writes = new CopyOnWriteArrayList<>();
        final CountDownLatch release;

        RecordingSink(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException("lines are written in blocks");
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }

        String all() {
            return String.join("", writes);
        }
    }

    @Test
    void everyLineArrivesInItsCallersOrderInFewerWritesThanLines() throws Exception {
        RecordingSink sink = new RecordingSink(new CountDownLatch(0));
        int threads = 4;
        int perThread = 500;
        try (BatchedLines lines = new BatchedLines(sink, 8192, Duration.ofMillis(20), "test-writer", e -> { })) {
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int caller = t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        lines.add("caller " + caller + " line " + i + " " + "x".repeat(i % 97) + "\n");
                    }
                });
                callers.add(thread);
                thread.start();
            }
            for (Thread thread : callers) {
                thread.join();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.all().lines().count() == (long) threads * perThread);
        }
        List<String> written = sink.all().lines().toList();
        for (int t = 0; t < threads; t++) {
            String prefix = "caller " + t + " line ";
            List<Integer> order = written.stream().filter(line -> line.startsWith(prefix))
                    .map(line -> Integer.parseInt(line.substring(prefix.length()).split(" ")[0])).toList();
            assertEquals(perThread, order.size());
            for (int i = 0; i < perThread; i++) {
                assertEquals(i, order.get(i), "caller " + t + "'s lines in order");
            }
        }
        assertTrue(sink.writes.size() < threads * perThread / 4, "batched: " + sink.writes.size() + " writes");
        for (String write : sink.writes) {
            assertTrue(write.getBytes(StandardCharsets.UTF_8).length <= BatchedLines.CHUNK, "a pipe writes it atomically");
            assertTrue(write.endsWith("\n"), "cut at a line boundary");
        }
    }

    @Test
    void aFullQueueMakesTheCallerWaitAndNoLineIsDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(release);
        try (BatchedLines lines = new BatchedLines(sink, 2, Duration.ZERO, "test-writer", e -> { })) {
            AtomicBoolean done = new AtomicBoolean();
            Thread caller = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    lines.add("line " + i + "\n");
                }
                done.set(true);
            });
            caller.start();
            // The writer holds one line (blocked in the sink), two wait in the queue: the caller cannot finish.
            await().atMost(Duration.ofSeconds(5)).until(() -> caller.getState() == Thread.State.WAITING);
            assertFalse(done.get());
            release.countDown();
            caller.join(5_000);
            assertTrue(done.get());
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.all().lines().count() == 10);
        }
        assertEquals(List.of("line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8",
                "line 9"), sink.all().lines().toList());
    }

    @Test
    void closeWritesWhatIsWaitingAndLaterLinesAreWrittenAtOnce() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BatchedLines lines = new BatchedLines(sink, 100, Duration.ofHours(1), "test-writer", e -> { });
        lines.add("before close\n");
        lines.close();
        assertEquals("before close\n", sink.toString(StandardCharsets.UTF_8));
        lines.add("after close\n");
        assertEquals("before close\nafter close\n", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLineLongerThanAChunkIsWrittenWhole() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        String longLine = "y".repeat(3 * BatchedLines.CHUNK) + "\n";
        try (BatchedLines lines = new BatchedLines(sink, 100, Duration.ofHours(1), "test-writer", e -> { })) {
            lines.add("short\n");
            lines.add(longLine);
            lines.add("short again\n");
        }
        assertEquals("short\n" + longLine + "short again\n", sink.toString(StandardCharsets.UTF_8));
    }
}
