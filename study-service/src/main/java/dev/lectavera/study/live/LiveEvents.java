package dev.lectavera.study.live;

import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Verdict;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The WebSocket events the server sends (JSON, each with a {@code type}); see the README for the protocol. */
public final class LiveEvents {

    private LiveEvents() {
    }

    /** The connection is authenticated and attached to its session. */
    public record Ready(String type, UUID sessionId, String connectionId) {
        public Ready(UUID sessionId, String connectionId) {
            this("ready", sessionId, connectionId);
        }
    }

    /** A question was stored and is being answered; {@code messageId} is the id the answer will have. */
    public record Thinking(String type, UUID sessionId, UUID messageId, Question question) {
        public Thinking(UUID sessionId, UUID messageId, Question question) {
            this("thinking", sessionId, messageId, question);
        }
    }

    public record Question(UUID id, String content, Instant createdAt) {
    }

    /** The next piece of the answer's text. */
    public record Chunk(String type, UUID sessionId, UUID messageId, String delta) {
        public Chunk(UUID sessionId, UUID messageId, String delta) {
            this("chunk", sessionId, messageId, delta);
        }
    }

    /** A verified citation of the answer being streamed. */
    public record CitationAdded(String type, UUID sessionId, UUID messageId, Citation citation) {
        public CitationAdded(UUID sessionId, UUID messageId, Citation citation) {
            this("citation", sessionId, messageId, citation);
        }
    }

    /** Discard the text streamed so far for this message: the answer starts over (model failed mid-stream). */
    public record Reset(String type, UUID sessionId, UUID messageId, String reason) {
        public Reset(UUID sessionId, UUID messageId, String reason) {
            this("reset", sessionId, messageId, reason);
        }
    }

    /** The answer is stored; {@code content} is its full text (authoritative over the chunks). */
    public record Complete(String type, UUID sessionId, UUID messageId, UUID questionId, Verdict verdict,
                           List<Citation> citations, String model, boolean cached, boolean fallback,
                           String content, Instant createdAt) {
        public Complete(UUID sessionId, UUID messageId, UUID questionId, Verdict verdict, List<Citation> citations,
                        String model, boolean cached, boolean fallback, String content, Instant createdAt) {
            this("complete", sessionId, messageId, questionId, verdict, citations, model, cached, fallback, content,
                    createdAt);
        }
    }

    /** Something failed; {@code messageId} is set when an answer in progress was abandoned. */
    public record Error(String type, UUID sessionId, UUID messageId, String code, String message, Long retryAfter) {
        public Error(UUID sessionId, UUID messageId, String code, String message, Long retryAfter) {
            this("error", sessionId, messageId, code, message, retryAfter);
        }
    }

    public record Pong(String type) {
        public Pong() {
            this("pong");
        }
    }
}
