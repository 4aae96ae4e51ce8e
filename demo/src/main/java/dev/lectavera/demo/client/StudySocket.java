package dev.lectavera.demo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open study WebSocket ({@code /ws/study/{sessionId}}). {@link #ask} sends a question and follows the
 * server's events for it ({@code thinking}, {@code chunk}, {@code citation}, {@code reset}, then
 * {@code complete} or {@code error}), handing each streamed piece to an {@link AnswerStream} as it arrives.
 * Questions are asked one at a time, as the study-service handles a connection's messages in order.
 */
public final class StudySocket implements AutoCloseable {

    /** Receives an answer while it streams. */
    public interface AnswerStream {
        default void thinking(String messageId) {
        }

        default void chunk(String delta) {
        }

        default void citation(Api.Citation citation) {
        }

        /** The model failed mid-answer: drop what was streamed, the offline provider starts over. */
        default void reset(String reason) {
        }
    }

    /** The {@code complete} event: the authoritative text and citations of a stored answer. */
    public record CompletedAnswer(String messageId, String content, String verdict, List<Api.Citation> citations,
                                  String model, boolean cached, boolean fallback, int chunks) {
    }

    /** An {@code error} event for the question (rate limited, archived, documents unavailable, ...). */
    public static final class StudyError extends RuntimeException {
        private final String code;

        StudyError(String code, String message) {
            super("study-service refused the question: " + code + (message == null ? "" : " (" + message + ")"));
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final WebSocket socket;
    private final Receiver receiver;

    StudySocket(WebSocket socket, Receiver receiver) {
        this.socket = socket;
        this.receiver = receiver;
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode event = next(deadline, "ready");
            if ("ready".equals(event.path("type").asText())) {
                return;
            }
        }
    }

    /** Asks {@code question} and blocks until its {@code complete} event (or an error, or the timeout). */
    public CompletedAnswer ask(String question, AnswerStream stream, Duration timeout) {
        try {
            socket.sendText(GatewayClient.JSON.writeValueAsString(Map.of("type", "ask", "content", question)), true)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send the question over the WebSocket: " + e, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String messageId = null;
        int chunks = 0;
        while (true) {
            JsonNode event = next(deadline, "the answer to \"" + question + "\"");
            String type = event.path("type").asText();
            String eventMessage = event.path("messageId").asText(null);
            boolean ours = messageId == null || messageId.equals(eventMessage);
            switch (type) {
                case "thinking" -> {
                    // The socket is this client's own: the first answer announced after the question is its answer.
                    if (messageId == null) {
                        messageId = eventMessage;
                        stream.thinking(messageId);
                    }
                }
                case "chunk" -> {
                    if (messageId != null && ours) {
                        chunks++;
                        stream.chunk(event.path("delta").asText(""));
                    }
                }
                case "citation" -> {
                    if (messageId != null && ours) {
                        stream.citation(convert(event.path("citation"), Api.Citation.class));
                    }
                }
                case "reset" -> {
                    if (messageId != null && ours) {
                        stream.reset(event.path("reason").asText(""));
                    }
                }
                case "complete" -> {
                    if (messageId != null && ours) {
                        List<Api.Citation> citations = new ArrayList<>();
                        event.path("citations").forEach(c -> citations.add(convert(c, Api.Citation.class)));
                        return new CompletedAnswer(messageId, event.path("content").asText(""),
                                event.path("verdict").asText(null), List.copyOf(citations),
                                event.path("model").asText(null), event.path("cached").asBoolean(false),
                                event.path("fallback").asBoolean(false), chunks);
                    }
                }
                case "error" -> {
                    // Errors of a refused question carry no messageId; errors of our answer carry its id.
                    if (eventMessage == null || eventMessage.equals(messageId)) {
                        throw new StudyError(event.path("code").asText("unknown"), event.path("message").asText(null));
                    }
                }
                default -> {
                    // document.progress, pong, other viewers' events: not ours to handle
                }
            }
        }
    }

    private JsonNode next(long deadlineNanos, String waitingFor) {
        long left = deadlineNanos - System.nanoTime();
        JsonNode event = null;
        try {
            event = left > 0 ? receiver.events.poll(left, TimeUnit.NANOSECONDS) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (event == null) {
            String closed = receiver.closeReason;
            throw new IllegalStateException("no " + waitingFor + " on the study WebSocket in time"
                    + (closed == null ? "" : "; the server closed it: " + closed));
        }
        if (event.has("__closed")) {
            throw new IllegalStateException("the server closed the study WebSocket while waiting for " + waitingFor
                    + ": " + event.path("__closed").asText());
        }
        return event;
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return GatewayClient.JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected " + type.getSimpleName() + " on the WebSocket: " + node, e);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "demo done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }

    /** Collects whole text messages (a message may arrive in parts) as JSON events. */
    static final class Receiver implements WebSocket.Listener {
        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        volatile String closeReason;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    events.add(GatewayClient.JSON.readTree(text));
                } catch (JsonProcessingException e) {
                    // not JSON: nothing the protocol sends; ignore it
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason);
            events.add(GatewayClient.JSON.createObjectNode().put("__closed", closeReason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeReason = "error: " + error;
            events.add(GatewayClient.JSON.createObjectNode().put("__closed", closeReason));
        }
    }
}
