package dev.lectavera.study.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Everything study-service can be tuned with (prefix {@code lectavera.study}). */
@ConfigMapping(prefix = "lectavera.study")
public interface StudyConfig {

    Model model();

    Chat chat();

    Cache cache();

    Sessions sessions();

    RateLimit rateLimit();

    Rag rag();

    Websocket websocket();

    FanOut fanOut();

    Catalog catalog();

    enum Provider {
        /** The built-in extractive answerer: no model, deterministic, works offline. */
        OFFLINE,
        /** Any OpenAI-compatible endpoint through quarkus-langchain4j-openai. */
        OPENAI
    }

    interface Model {
        /** {@code offline} (default) or {@code openai}; openai also needs quarkus.langchain4j.openai.*. */
        @WithDefault("offline")
        Provider provider();

        /** Name reported for answers of the OpenAI provider when the endpoint does not name its model. */
        @WithDefault("${quarkus.langchain4j.openai.chat-model.model-name:gpt-4o-mini}")
        String name();
    }

    interface Chat {
        /** Redis live window of a session: its recent messages, rebuilt from PostgreSQL on a miss. */
        @WithDefault("24h")
        Duration windowTtl();

        @WithDefault("200")
        int windowSize();

        /** Earlier messages given to the question condenser. */
        @WithDefault("6")
        int condenseHistory();
    }

    interface Cache {
        @WithDefault("true")
        boolean enabled();

        /** Lifetime of a cached answer. */
        @WithDefault("1h")
        Duration ttl();
    }

    interface Sessions {
        /** An active session without a message for this long is archived. */
        @WithDefault("30m")
        Duration idleTimeout();

        /** Wait after the last WebSocket of a session closed before archiving it (a reload reconnects). */
        @WithDefault("60s")
        Duration disconnectGrace();

        @WithDefault("30s")
        Duration sweepInterval();
    }

    interface RateLimit {
        /** Questions per user per minute, HTTP and WebSocket together. */
        @WithDefault("20")
        int chatPerMinute();
    }

    interface Rag {
        /** Passages asked from document-service. */
        @WithDefault("8")
        int topK();

        /** Share of the question's terms a passage must contain to be a good match (verdict CORRECT). */
        @WithDefault("0.6")
        double strongThreshold();

        /** Below this share a passage is irrelevant; between the two it is a weak match (AMBIGUOUS). */
        @WithDefault("0.34")
        double weakThreshold();

        /**
         * With a similarity from document-service, a passage is graded on {@code similarity + term-weight × share of
         * the question's terms}: a good match from this relevance on (see PassageGrader; calibrated on
         * bench/grounding, docs/PERFORMANCE.md#grounding).
         */
        @WithDefault("1.0")
        double strongRelevance();

        /** Below this relevance a passage is irrelevant; none above it gives NOT_FOUND. */
        @WithDefault("0.86")
        double weakRelevance();

        /** Weight of the term share next to the cosine similarity. */
        @WithDefault("0.5")
        double termWeight();

        /** Sentences in an offline answer. */
        @WithDefault("3")
        int maxSentences();

        /** Relevant passages handed to the model. */
        @WithDefault("5")
        int maxModelPassages();
    }

    interface Websocket {
        /** A connection's presence entry in Redis expires unless its instance refreshes it. */
        @WithDefault("90s")
        Duration presenceTtl();

        @WithDefault("30s")
        Duration heartbeat();

        /**
         * Open sockets of one user on one instance; the next upgrade is refused (1008). A student has a few tabs
         * open, not dozens.
         */
        @WithDefault("10")
        int maxConnectionsPerUser();

        /** Frames a connection may send per second, sustained (an honest client sends a ping every ~30 s). */
        @WithDefault("5")
        double framesPerSecond();

        /** Frames a connection may send at once above the sustained rate. */
        @WithDefault("20")
        int frameBurst();

        /** Frames refused in a row (each answered by an {@code error rate_limited}) before the socket is closed. */
        @WithDefault("20")
        int refusedFramesBeforeClose();

        /** How often open sockets are checked for an expired token (closed with 4401 "token expired"). */
        @WithDefault("1s")
        Duration expiryCheck();
    }

    interface FanOut {
        /** How often the subscription is checked: a probe is published, a missing subscription is retried. */
        @WithDefault("1s")
        Duration tick();

        /** A probe not received back within this time means the subscription is deaf: it is replaced. */
        @WithDefault("5s")
        Duration probeTimeout();

        /** A subscription attempt not confirmed within this time is abandoned (closed whenever it completes). */
        @WithDefault("3s")
        Duration subscribeTimeout();
    }

    interface Catalog {
        /**
         * Document versions come from the document events; an entry this old is still used, and re-checked with
         * document-service in the background (the safety net for a missed event).
         */
        @WithDefault("10m")
        Duration refreshAfter();
    }
}
