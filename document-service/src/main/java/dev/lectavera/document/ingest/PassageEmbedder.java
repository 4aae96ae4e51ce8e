package dev.lectavera.document.ingest;

import dev.lectavera.document.config.EmbeddingsConfig;
import dev.lectavera.document.embedding.Embedder;
import dev.lectavera.document.repository.EmbeddingCacheRepository;
import dev.lectavera.kit.jdbc.DataAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds chunk texts in batches through the embedding cache: a text already embedded by the same model (in any
 * document, or before a restart) is never embedded again, and repeated texts within a document once.
 */
@ApplicationScoped
public class PassageEmbedder {

    /** Told after every batch how many of the texts have their vector; may throw to stop. */
    @FunctionalInterface
    public interface BatchListener {
        void embedded(int textsDone) throws Exception;
    }

    /** The vectors, plus how many distinct texts the model actually embedded (the rest came from the cache). */
    public record Result(List<float[]> vectors, int embeddedByModel, long modelNanos) {
    }

    private static final Logger LOG = Logger.getLogger(PassageEmbedder.class);

    private final Embedder embedder;
    private final EmbeddingCacheRepository cache;
    private final int batchSize;

    PassageEmbedder(Embedder embedder, EmbeddingCacheRepository cache, EmbeddingsConfig config) {
        this.embedder = embedder;
        this.cache = cache;
        this.batchSize = Math.max(1, config.batchSize());
    }

    public String modelId() {
        return embedder.modelId();
    }

    /**
     * @param texts      the chunk texts
     * @param textHashes SHA-256 of each text (same order)
     */
    public Result embed(List<String> texts, List<String> textHashes, BatchListener listener) throws Exception {
        String model = embedder.modelId();
        Map<String, float[]> known = new HashMap<>(cache.find(model, textHashes.stream().distinct().toList()));
        // distinct missing texts, in reading order so progress moves page by page
        LinkedHashMap<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(textHashes.get(i))) {
                missing.putIfAbsent(textHashes.get(i), texts.get(i));
            }
        }
        List<String> missingHashes = new ArrayList<>(missing.keySet());
        listener.embedded(countKnownPrefix(textHashes, known));
        long modelNanos = 0;
        for (int from = 0; from < missingHashes.size(); from += batchSize) {
            List<String> batchHashes = missingHashes.subList(from, Math.min(from + batchSize, missingHashes.size()));
            List<String> batchTexts = batchHashes.stream().map(missing::get).toList();
            long start = System.nanoTime();
            List<float[]> vectors = embedder.embedPassages(batchTexts);
            modelNanos += System.nanoTime() - start;
            saveQuietly(model, batchHashes, vectors);
            for (int i = 0; i < batchHashes.size(); i++) {
                known.put(batchHashes.get(i), vectors.get(i));
            }
            listener.embedded(countKnownPrefix(textHashes, known));
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (String hash : textHashes) {
            result.add(known.get(hash));
        }
        return new Result(result, missingHashes.size(), modelNanos);
    }

    /** Chunks (in order) whose vector is known before the first gap: what progress may claim as done. */
    private static int countKnownPrefix(List<String> textHashes, Map<String, float[]> known) {
        int i = 0;
        while (i < textHashes.size() && known.containsKey(textHashes.get(i))) {
            i++;
        }
        return i;
    }

    private void saveQuietly(String model, List<String> hashes, List<float[]> vectors) {
        try {
            cache.save(model, hashes, vectors);
        } catch (DataAccessException e) {
            // the cache is an optimisation: the vectors are still used for this document
            LOG.warnf("Could not store %d vectors in the embedding cache: %s", hashes.size(), e.toString());
        }
    }
}
