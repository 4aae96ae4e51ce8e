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

    /**
     * How much the vector ranking counts in the fusion against the full-text ranking (all words of the query, weight
     * 1): the ranking that understands a question asked in other words than the page uses.
     */
    @WithDefault("1")
    double vectorWeight();

    /**
     * How much the keyword ranking (any of the query's words, rare ones first: BM25) counts in the fusion; 0 leaves
     * it out.
     */
    @WithDefault("1")
    double keywordWeight();

    /** Candidates taken from each ranking (full text, keywords, vectors) before fusion; at least topK. */
    @WithDefault("50")
    int candidates();

    /**
     * Heap kept for the vectors of recently searched documents (a document's vectors never change once indexed);
     * 0 reads them from Postgres at every search.
     */
    @WithDefault("128M")
    MemorySize vectorCacheSize();
}
