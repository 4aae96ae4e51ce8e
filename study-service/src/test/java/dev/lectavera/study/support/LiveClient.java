package dev.lectavera.study.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A WebSocket client (the JDK's) that records every event it receives, with the time it arrived. */
public final class LiveClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event and {@link System#nanoTime()} when it arrived. */
    public record Received(JsonNode event, long nanos) {
        public String type() {
            return event.path("type").asText();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile String closeReason = "";
    private final WebSocket socket;

    private LiveClient(String url, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(URI.create(url), new Listener())
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
    }

    public static LiveClient connect(String url) {
        return new LiveClient(url, Map.of());
    }

    /** Connects with these handshake headers (e.g. {@code Authorization}). */
    public static LiveClient connect(String url, Map<String, String> headers) {
        return new LiveClient(url, headers);
    }

    /** Connects and waits for the server's {@code ready} event. */
    public static LiveClient connectReady(String url) {
        LiveClient client = new LiveClient(url, Map.of());
        client.awaitEvent("ready", e -> true);
        return client;
    }

    public void send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void ask(String question) {
        send("{\"type\":\"ask\",\"content\":" + StudyApi.json(question) + "}");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> events(String type) {
        return received.stream().filter(r -> r.type().equals(type)).map(Received::event).toList();
    }

    /** Waits for an event of this type matching the predicate and returns it. */
    public JsonNode awaitEvent(String type, Predicate<JsonNode> matching) {
        JsonNode[] found = new JsonNode[1];
        await("event " + type).atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (Received r : received) {
                if (r.type().equals(type) && matching.test(r.event())) {
                    found[0] = r.event();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    public Received awaitReceived(String type, Predicate<JsonNode> matching) {
        Received[] found = new Received[1];
        await("event " + type).atMost(TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> {
            for (Received r : received) {
                if (r.type().equals(type) && matching.test(r.event())) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The close code the server sent. */
    public int awaitClose() {
        return closeCode.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** The reason the server gave with its close frame (empty until closed). */
    public String closeReason() {
        return closeReason;
    }

    /** Sends one message as several frames (a fragmented message). */
    public void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Override
    public void close() {
        if (!closeCode.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
            } catch (RuntimeException e) {
                socket.abort();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    received.add(new Received(JSON.readTree(partial.toString()), now));
                } catch (Exception e) {
                    received.add(new Received(JSON.createObjectNode().put("type", "unparseable")
                            .put("raw", partial.toString()), now));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
