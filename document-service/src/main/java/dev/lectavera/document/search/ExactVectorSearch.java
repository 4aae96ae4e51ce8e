package dev.lectavera.document.search;

import dev.lectavera.document.config.SearchConfig;
import dev.lectavera.document.repository.ChunkRepository;
import dev.lectavera.document.repository.ChunkRepository.DocumentVectors;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * Exact nearest neighbours: a dot product of the (normalised) query with every chunk vector of the selected
 * documents, keeping the best in a bounded heap. At per-user scale (thousands of chunks) this takes a few
 * milliseconds. A document's vectors never change once it is indexed, so recently searched documents keep theirs
 * on the heap (LRU, bounded by {@code lectavera.search.vector-cache-size}) instead of re-reading them from
 * Postgres at every search.
 */
@ApplicationScoped
public class ExactVectorSearch implements VectorSearch {

    private final ChunkRepository chunks;
    private final long cacheBudgetBytes;
    private final LinkedHashMap<UUID, DocumentVectors> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    ExactVectorSearch(ChunkRepository chunks, SearchConfig config) {
        this.chunks = chunks;
        this.cacheBudgetBytes = config.vectorCacheSize().asLongValue();
    }

    @Override
    public List<ScoredChunk> nearest(float[] query, Collection<UUID> documentIds, int limit) {
        if (documentIds.isEmpty() || limit <= 0) {
            return List.of();
        }
        PriorityQueue<ScoredChunk> best = new PriorityQueue<>(limit + 1, Comparator.comparingDouble(ScoredChunk::score));
        for (DocumentVectors vectors : load(documentIds).values()) {
            if (vectors.dimensions() != query.length) {
                continue; // another model's vector space: not comparable
            }
            float[] matrix = vectors.matrix();
            int dims = vectors.dimensions();
            long[] ids = vectors.chunkIds();
            for (int row = 0; row < ids.length; row++) {
                double score = dot(query, matrix, row * dims, dims);
                if (best.size() < limit) {
                    best.add(new ScoredChunk(ids[row], score));
                } else if (score > best.peek().score()) {
                    best.poll();
                    best.add(new ScoredChunk(ids[row], score));
                }
            }
        }
        List<ScoredChunk> result = new ArrayList<>(best);
        result.sort(Comparator.comparingDouble(ScoredChunk::score).reversed().thenComparingLong(ScoredChunk::chunkId));
        return result;
    }

    @Override
    public Map<Long, Double> similarities(float[] query, Collection<UUID> documentIds, Set<Long> chunkIds) {
        Map<Long, Double> scores = new HashMap<>();
        if (chunkIds.isEmpty()) {
            return scores;
        }
        for (DocumentVectors vectors : load(documentIds).values()) {
            if (vectors.dimensions() != query.length) {
                continue;
            }
            long[] ids = vectors.chunkIds();
            for (int row = 0; row < ids.length; row++) {
                if (chunkIds.contains(ids[row])) {
                    scores.put(ids[row], dot(query, vectors.matrix(), row * vectors.dimensions(), vectors.dimensions()));
                }
            }
        }
        return scores;
    }

    private static double dot(float[] query, float[] matrix, int offset, int dims) {
        float sum = 0;
        for (int i = 0; i < dims; i++) {
            sum += query[i] * matrix[offset + i];
        }
        return sum;
    }

    private Map<UUID, DocumentVectors> load(Collection<UUID> documentIds) {
        Map<UUID, DocumentVectors> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        synchronized (cache) {
            for (UUID id : documentIds) {
                DocumentVectors cached = cache.get(id);
                if (cached != null) {
                    found.put(id, cached);
                } else {
                    missing.add(id);
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<UUID, DocumentVectors> loaded = chunks.vectors(missing);
            found.putAll(loaded);
            remember(loaded.values());
        }
        return found;
    }

    private void remember(Collection<DocumentVectors> loaded) {
        if (cacheBudgetBytes <= 0) {
            return;
        }
        synchronized (cache) {
            for (DocumentVectors vectors : loaded) {
                if (vectors.bytes() > cacheBudgetBytes) {
                    continue;
                }
                DocumentVectors previous = cache.put(vectors.documentId(), vectors);
                if (previous != null) {
                    cachedBytes -= previous.bytes();
                }
                cachedBytes += vectors.bytes();
            }
            var eldest = cache.entrySet().iterator();
            while (cachedBytes > cacheBudgetBytes && eldest.hasNext()) {
                cachedBytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
        }
    }

    @Override
    public void forget(Collection<UUID> documentIds) {
        synchronized (cache) {
            for (UUID id : documentIds) {
                DocumentVectors removed = cache.remove(id);
                if (removed != null) {
                    cachedBytes -= removed.bytes();
                }
            }
        }
    }
}
