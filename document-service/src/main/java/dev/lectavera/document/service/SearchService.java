package dev.lectavera.document.service;

import dev.lectavera.document.cache.QueryEmbeddingCache;
import dev.lectavera.document.config.SearchConfig;
import dev.lectavera.document.embedding.Embedder;
import dev.lectavera.document.repository.ChunkRepository;
import dev.lectavera.document.repository.ChunkRepository.ChunkRow;
import dev.lectavera.document.search.ReciprocalRankFusion;
import dev.lectavera.document.search.ScoredChunk;
import dev.lectavera.document.search.VectorSearch;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hybrid retrieval over a user's indexed documents: PostgreSQL full-text search and exact vector similarity,
 * merged by reciprocal rank fusion. The full-text query runs while the query is being embedded.
 */
@ApplicationScoped
public class SearchService {

    /** A passage: text is exactly {@code pageText.substring(startOffset, endOffset)} of that page. */
    public record Hit(UUID documentId, String title, int page, int startOffset, int endOffset, String text,
                      double score) {
    }

    private record ScopedDocument(UUID id, String embeddingModel) {
    }

    private final AgroalDataSource dataSource;
    private final ChunkRepository chunks;
    private final VectorSearch vectorSearch;
    private final Embedder embedder;
    private final QueryEmbeddingCache queryCache;
    private final SearchConfig config;
    private final ManagedExecutor executor;

    SearchService(AgroalDataSource dataSource, ChunkRepository chunks, VectorSearch vectorSearch, Embedder embedder,
                  QueryEmbeddingCache queryCache, SearchConfig config, ManagedExecutor executor) {
        this.dataSource = dataSource;
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
    public List<Hit> search(UUID userId, String query, Collection<UUID> documentIds, int topK) throws SQLException {
        List<ScopedDocument> scope = scope(userId, documentIds);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<UUID> all = scope.stream().map(ScopedDocument::id).toList();
        List<UUID> sameModel = scope.stream().filter(d -> embedder.modelId().equals(d.embeddingModel()))
                .map(ScopedDocument::id).toList();
        int candidates = Math.max(topK, config.candidates());

        CompletableFuture<List<Long>> fullText = executor.supplyAsync(() -> {
            try {
                return chunks.fullText(query, all, candidates);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
        List<Long> byVector = new ArrayList<>();
        if (!sameModel.isEmpty()) {
            float[] queryVector = queryVector(query);
            for (ScoredChunk scored : vectorSearch.nearest(queryVector, sameModel, candidates)) {
                byVector.add(scored.chunkId());
            }
        }
        List<Long> byText;
        try {
            byText = fullText.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }

        List<ScoredChunk> fused = ReciprocalRankFusion.fuse(List.of(byVector, byText), config.rrfK(), topK);
        Map<Long, ChunkRow> rows = chunks.rows(fused.stream().map(ScoredChunk::chunkId).toList());
        List<Hit> hits = new ArrayList<>(fused.size());
        for (ScoredChunk scored : fused) {
            ChunkRow row = rows.get(scored.chunkId());
            if (row != null) { // deleted in the meantime
                hits.add(new Hit(row.documentId(), row.title(), row.page(), row.startOffset(), row.endOffset(),
                        row.text(), scored.score()));
            }
        }
        return hits;
    }

    private float[] queryVector(String query) {
        String model = embedder.modelId();
        return queryCache.get(model, query).orElseGet(() -> {
            float[] vector = embedder.embedQuery(query);
            queryCache.put(model, query, vector);
            return vector;
        });
    }

    private List<ScopedDocument> scope(UUID userId, Collection<UUID> documentIds) throws SQLException {
        boolean selected = documentIds != null && !documentIds.isEmpty();
        String sql = selected
                ? "SELECT id, embedding_model FROM document WHERE user_id = ? AND status = 'INDEXED' AND id = ANY (?)"
                : "SELECT id, embedding_model FROM document WHERE user_id = ? AND status = 'INDEXED' AND NOT archived";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, userId);
            if (selected) {
                select.setArray(2, c.createArrayOf("uuid", documentIds.toArray()));
            }
            List<ScopedDocument> scope = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    scope.add(new ScopedDocument(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return scope;
        }
    }
}
