package dev.lectavera.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Hybrid retrieval. */
@ConfigMapping(prefix = "lectavera.search")
public interface SearchConfig {

    /** Reciprocal rank fusion constant: score = sum over rankings of 1 / (k + rank). */
    @WithDefault("60")
    int rrfK();

    /** Candidates taken from each ranking (full text, vectors) before fusion; at least topK. */
    @WithDefault("50")
    int candidates();

    /**
     * Heap kept for the vectors of recently searched documents (a document's vectors never change once indexed);
     * 0 reads them from Postgres at every search.
     */
    @WithDefault("128M")
    MemorySize vectorCacheSize();
}
