package dev.lectavera.document.repository;

import dev.lectavera.document.embedding.VectorCodec;
import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Vectors already computed, by (model, SHA-256 of the text): a text is embedded once per model. */
@ApplicationScoped
public class EmbeddingCacheRepository {

    private final Database database;

    EmbeddingCacheRepository(Database database) {
        this.database = database;
    }

    public Map<String, float[]> find(String model, Collection<String> textHashes) {
        Map<String, float[]> found = new HashMap<>();
        if (textHashes.isEmpty()) {
            return found;
        }
        database.query("SELECT text_hash, embedding FROM embedding_cache WHERE model = ? AND text_hash = ANY (?)",
                        row -> Map.entry(row.getString(1), VectorCodec.decode(row.getBytes(2))),
                        model, Sql.array("text", textHashes))
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }

    /** Stores new vectors (own short transaction: a resumed job finds them even if the document never finished). */
    public void save(String model, List<String> textHashes, List<float[]> vectors) {
        List<Object[]> rows = new ArrayList<>(textHashes.size());
        for (int i = 0; i < textHashes.size(); i++) {
            rows.add(new Object[] {model, textHashes.get(i), VectorCodec.encode(vectors.get(i))});
        }
        database.batch("INSERT INTO embedding_cache (model, text_hash, embedding) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                rows);
    }

    /** Forgets vectors of texts no chunk uses any more (after a delete): derived user data does not outlive it. */
    public int deleteUnreferenced(Collection<String> textHashes) {
        if (textHashes.isEmpty()) {
            return 0;
        }
        return database.update("""
                DELETE FROM embedding_cache e
                WHERE e.text_hash = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM chunk c WHERE c.text_hash = e.text_hash)""",
                Sql.array("text", textHashes));
    }

    /**
     * Sweeps vectors no chunk references that are older than {@code minAgeSeconds}: left by documents that failed
     * or were deleted while processing (young ones may belong to a job still running).
     */
    public int deleteOrphans(long minAgeSeconds) {
        return database.update("""
                DELETE FROM embedding_cache e
                WHERE e.created_at < now() - make_interval(secs => ?)
                  AND NOT EXISTS (SELECT 1 FROM chunk c WHERE c.text_hash = e.text_hash)""", (double) minAgeSeconds);
    }
}
