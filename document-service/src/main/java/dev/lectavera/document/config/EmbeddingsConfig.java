package dev.lectavera.document.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Which embedding model turns chunks and queries into vectors. */
@ConfigMapping(prefix = "lectavera.embeddings")
public interface EmbeddingsConfig {

    enum Provider { LOCAL, OPENAI }

    /**
     * {@code local}: bge-small-en-v1.5 (quantised ONNX, 384 dimensions) inside this process, no network.
     * {@code openai}: the OpenAI-compatible endpoint configured under {@code lectavera.embeddings.openai.*}.
     */
    @WithDefault("local")
    Provider provider();

    /** Chunks sent to the model per call. */
    @WithDefault("32")
    int batchSize();

    /** Query vectors are kept in Redis this long (a repeated question skips the model). */
    @WithDefault("24h")
    Duration queryCacheTtl();

    Local local();

    Openai openai();

    interface Local {
        /** bge-small-en-v1.5 wants this instruction before a search query (never before the passages). */
        @WithDefault("Represent this sentence for searching relevant passages:")
        String queryInstruction();

        /** Texts embedded at the same time (one single-threaded inference each); default: the available cores. */
        Optional<Integer> threads();
    }

    /** Any OpenAI-compatible /embeddings endpoint (OpenAI, Azure-compatible proxies, Ollama, vLLM). */
    interface Openai {
        @WithDefault("https://api.openai.com/v1/")
        String baseUrl();

        /** Absent for servers that need none (a local Ollama); never an empty string. */
        Optional<String> apiKey();

        /** Also names the vector space: chunks embedded by another model are never compared with its vectors. */
        @WithDefault("text-embedding-3-small")
        String modelName();

        /** Shortened vectors, for models that support it (text-embedding-3-*). */
        Optional<Integer> dimensions();

        @WithDefault("30s")
        Duration timeout();

        @WithDefault("2")
        int maxRetries();
    }
}
