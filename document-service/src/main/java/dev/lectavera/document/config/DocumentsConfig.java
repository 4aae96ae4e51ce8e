package dev.lectavera.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Uploads, background processing and chunking of documents. */
@ConfigMapping(prefix = "lectavera.documents")
public interface DocumentsConfig {

    /**
     * Largest accepted PDF. Keep {@code quarkus.http.limits.max-body-size} slightly above it (multipart overhead):
     * the HTTP layer cuts off larger bodies while they stream, this check answers 413 problem+json.
     */
    @WithDefault("50M")
    MemorySize maxUploadSize();

    /** How long a document's processing status lives in Redis (Postgres keeps it for good). */
    @WithDefault("5m")
    Duration statusTtl();

    Processing processing();

    Chunking chunking();

    interface Processing {
        /** Documents processed at the same time by this instance (each embeds in batches on all cores). */
        @WithDefault("2")
        int workers();

        /** How often the job table is polled for queued or abandoned documents (an upload also wakes it). */
        @WithDefault("2s")
        Duration pollInterval();

        /**
         * A worker renews its claim on a document at every batch; a claim older than this is taken to be from a
         * dead instance and the document is resumed.
         */
        @WithDefault("60s")
        Duration lease();

        /** Claims of one document (crashes and errors included) before it is marked FAILED. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before a document whose processing hit an unexpected error is tried again. */
        @WithDefault("30s")
        Duration retryDelay();
    }

    interface Chunking {
        /** Upper bound of a chunk in estimated tokens (see Chunker: words plus punctuation marks). */
        @WithDefault("320")
        int maxTokens();

        /** A heading or a paragraph that does not fit starts a new chunk only once the current one has this many. */
        @WithDefault("64")
        int minTokens();

        /** Trailing sentences of a chunk repeated at the start of the next one when a section is cut by the budget. */
        @WithDefault("48")
        int overlapTokens();
    }
}
