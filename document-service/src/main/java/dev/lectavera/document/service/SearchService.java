package dev.lectavera.document.service;

import dev.lectavera.document.cache.QueryEmbeddingCache;
import dev.lectavera.document.config.SearchConfig;
import dev.lectavera.document.embedding.Embedder;
import dev.lectavera.document.repository.ChunkRepository;
import dev.lectavera.document.repository.ChunkRepository.ChunkRow;
import dev.lectavera.document.repository.DocumentRepository;
import dev.lectavera.document.repository.DocumentRepository.Searchable;
import dev.lectavera.document.search.ReciprocalRankFusion;
import dev.lectavera.document.search.ScoredChunk;
import dev.lectavera.document.search.SpellingVariants;
import dev.lectavera.document.search.VectorSearch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hybrid retrieval over a user's indexed documents: PostgreSQL full-text search (every word of the query), a keyword
 * ranking (any word, rare ones first) and exact vector similarity, merged by weighted reciprocal rank fusion. The two
 * text queries run while the query is being embedded.
 */
@ApplicationScoped
public class SearchService {

    /**
     * A passage: text is exactly {@code pageText.substring(startOffset, endOffset)} of that page; {@code similarity}
     * is the cosine of the query and passage vectors, null when the document was embedded by another model.
     */
    public record Hit(UUID documentId, String title, int page, int startOffset, int endOffset, String text,
                      double score, Double similarity) {
    }

    private final DocumentRepository documents;
    private final ChunkRepository chunks;
    private final VectorSearch vectorSearch;
    private final Embedder embedder;
    private final QueryEmbeddingCache queryCache;
    private final SearchConfig config;
    private final ManagedExecutor executor;

    SearchService(DocumentRepository documents, ChunkRepository chunks, VectorSearch vectorSearch, Embedder embedder,
                  QueryEmbeddingCache queryCache, SearchConfig config, ManagedExecutor executor) {
        this.documents = documents;
        this.chunks = chunks;
        this.vectorSearch = vectorSearch;
        this.embedder = embedder;
        this.queryCache = queryCache;
        this.config = config;
        this.executor = executor;
    }

    /**
     * @param documentIds null or empty: all the user's indexed, non-archived documents; otherwise those of them
     *                    that are the user's and indexed (archived included, since they were named); other ids
     *                    contribute nothing
     */
    public List<Hit> search(UUID userId, String query, Collection<UUID> documentIds, int topK) {
        List<Searchable> scope = documents.searchable(userId, documentIds);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<UUID> all = scope.stream().map(Searchable::id).toList();
        List<UUID> sameModel = scope.stream().filter(d -> embedder.modelId().equals(d.embeddingModel()))
                .map(Searchable::id).toList();
        int candidates = Math.max(topK, config.candidates());

        CompletableFuture<List<Long>> fullText = executor.supplyAsync(() -> chunks.fullText(query, all, candidates));
        CompletableFuture<List<Long>> keywords = config.keywordWeight() > 0
                ? executor.supplyAsync(() -> chunks.keywordRanking(SpellingVariants.expand(query), all, candidates))
                : CompletableFuture.completedFuture(List.of());
        List<Long> byVector = new ArrayList<>();
        Map<Long, Double> similarity = new HashMap<>();
        float[] queryVector = sameModel.isEmpty() ? null : queryVector(query);
        if (queryVector != null) {
            for (ScoredChunk scored : vectorSearch.nearest(queryVector, sameModel, candidates)) {
                byVector.add(scored.chunkId());
                similarity.put(scored.chunkId(), scored.score());
            }
        }
        List<Long> byText = joined(fullText);
        List<Long> byKeywords = joined(keywords);

        List<ScoredChunk> fused = ReciprocalRankFusion.fuse(List.of(byVector, byText, byKeywords),
                List.of(config.vectorWeight(), 1.0, config.keywordWeight()), config.rrfK(), topK);
        Set<Long> unscored = new HashSet<>();
        fused.stream().map(ScoredChunk::chunkId).filter(id -> !similarity.containsKey(id)).forEach(unscored::add);
        if (queryVector != null && !unscored.isEmpty()) { // found by full text only
            similarity.putAll(vectorSearch.similarities(queryVector, sameModel, unscored));
        }
        Map<Long, ChunkRow> rows = chunks.rows(fused.stream().map(ScoredChunk::chunkId).toList());
        List<Hit> hits = new ArrayList<>(fused.size());
        for (ScoredChunk scored : fused) {
            ChunkRow row = rows.get(scored.chunkId());
            if (row != null) { // deleted in the meantime
                hits.add(new Hit(row.documentId(), row.title(), row.page(), row.startOffset(), row.endOffset(),
                        row.text(), scored.score(), similarity.get(scored.chunkId())));
            }
        }
        return hits;
    }

    private static List<Long> joined(CompletableFuture<List<Long>> ranking) {
        try {
            return ranking.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private float[] queryVector(String query) {
        String model = embedder.modelId();
        return queryCache.get(model, query).orElseGet(() -> {
            float[] vector = embedder.embedQuery(query);
            queryCache.put(model, query, vector);
            return vector;
        });
    }
}
