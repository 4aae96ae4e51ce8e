package dev.lectavera.document.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Nearest chunks to a query vector within some documents. The default implementation scores exactly in Java
 * (pgvector is not available here); an index-backed one can replace it behind this port.
 */
public interface VectorSearch {

    /**
     * @param query       an L2-normalised query vector of the same model as the documents' vectors
     * @param documentIds documents to search (already checked to belong to the user and to that model)
     * @return up to {@code limit} chunks, best first, scored by cosine similarity
     */
    List<ScoredChunk> nearest(float[] query, Collection<UUID> documentIds, int limit);

    /**
     * Cosine similarity of the query to each of some chunks of those documents (a chunk of another model or gone
     * is absent from the answer): the semantic evidence readers of the results weigh, whichever ranking found them.
     */
    Map<Long, Double> similarities(float[] query, Collection<UUID> documentIds, Set<Long> chunkIds);

    /** The documents are gone: drop whatever is held for them. */
    void forget(Collection<UUID> documentIds);
}
