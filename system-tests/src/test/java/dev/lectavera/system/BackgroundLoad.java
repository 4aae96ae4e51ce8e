package dev.lectavera.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests sent back to back through the gateway by a few threads while a test breaks something:
 * it records every status, and every 5xx or transport failure with what was asked.
 */
final class BackgroundLoad implements AutoCloseable {

    /** A GET to send as a given student. */
    record Call(String path, String token) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    BackgroundLoad(URI gateway, List<Call> calls, int threads) {
        workers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers.submit(() -> {
                for (long i = offset; running.get(); i += threads) {
                    Call call = calls.get((int) (i % calls.size()));
                    send(gateway, call);
                }
            });
        }
    }

    private void send(URI gateway, Call call) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(call.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + call.token())
                .GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " GET " + call.path() + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            failures.add("GET " + call.path() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sent.incrementAndGet();
        }
    }

    long sent() {
        return sent.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    @Override
    public void close() {
        running.set(false);
        workers.shutdown();
        try {
            workers.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
