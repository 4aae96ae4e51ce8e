package dev.lectavera.system;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A study WebSocket client that keeps every event it receives, in order, and knows when it was closed. */
final class LiveSocket implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private LiveSocket(URI uri) {
        this.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, this).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Connects and waits for the server's {@code ready}. */
    static LiveSocket open(URI uri) {
        LiveSocket live = new LiveSocket(uri);
        live.awaitEvent("ready", event -> true);
        return live;
    }

    void send(JsonObject message) {
        sendText(message.encode());
    }

    /** Any text frame, JSON or not (the bad-input sweep sends junk). */
    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void ask(String question) {
        send(new JsonObject().put("type", "ask").put("content", question));
    }

    JsonObject awaitEvent(String type, Predicate<JsonObject> match) {
        try {
            return await(type + " event").atMost(Student.PROCESSING).until(
                    () -> events.stream().filter(e -> type.equals(e.getString("type")) && match.test(e)).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no matching " + type + " event; received " + events + (isClosed() ? " (closed)" : ""), e);
        }
    }

    List<JsonObject> events(String type) {
        return events.stream().filter(e -> type.equals(e.getString("type"))).toList();
    }

    String connectionId() {
        return events("ready").get(0).getString("connectionId");
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            events.add(new JsonObject(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }
}
