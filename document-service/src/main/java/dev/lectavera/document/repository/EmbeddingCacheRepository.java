package dev.lectavera.document.repository;

import dev.lectavera.document.embedding.VectorCodec;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Vectors already computed, by (model, SHA-256 of the text): a text is embedded once per model. */
@ApplicationScoped
public class EmbeddingCacheRepository {

    private final AgroalDataSource dataSource;

    EmbeddingCacheRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, float[]> find(String model, Collection<String> textHashes) throws SQLException {
        Map<String, float[]> found = new HashMap<>();
        if (textHashes.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT text_hash, embedding FROM embedding_cache WHERE model = ? AND text_hash = ANY (?)")) {
            Array hashes = c.createArrayOf("text", textHashes.toArray());
            select.setString(1, model);
            select.setArray(2, hashes);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), VectorCodec.decode(rs.getBytes(2)));
                }
            }
        }
        return found;
    }

    /** Stores new vectors (own short transaction: a resumed job finds them even if the document never finished). */
    public void save(String model, List<String> textHashes, List<float[]> vectors) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO embedding_cache (model, text_hash, embedding) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int i = 0; i < textHashes.size(); i++) {
                insert.setString(1, model);
                insert.setString(2, textHashes.get(i));
                insert.setBytes(3, VectorCodec.encode(vectors.get(i)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Forgets vectors of texts no chunk uses any more (after a delete): derived user data does not outlive it. */
    public int deleteUnreferenced(Collection<String> textHashes) throws SQLException {
        if (textHashes.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("""
                     DELETE FROM embedding_cache e
                     WHERE e.text_hash = ANY (?)
                       AND NOT EXISTS (SELECT 1 FROM chunk c WHERE c.text_hash = e.text_hash)""")) {
            delete.setArray(1, c.createArrayOf("text", textHashes.toArray()));
            return delete.executeUpdate();
        }
    }

    /**
     * Sweeps vectors no chunk references that are older than {@code minAgeSeconds}: left by documents that failed
     * or were deleted while processing (young ones may belong to a job still running).
     */
    public int deleteOrphans(long minAgeSeconds) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("""
                     DELETE FROM embedding_cache e
                     WHERE e.created_at < now() - make_interval(secs => ?)
                       AND NOT EXISTS (SELECT 1 FROM chunk c WHERE c.text_hash = e.text_hash)""")) {
            delete.setDouble(1, minAgeSeconds);
            return delete.executeUpdate();
        }
    }
}
