package dev.lectavera.document.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.lectavera.document.config.EmbeddingsConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * bge-small-en-v1.5, quantised, run in-process by ONNX Runtime (the model ships inside a Maven artifact: no
 * network, no key). 384 dimensions. The model is loaded once, on first use by a worker thread (about a second),
 * never on the event loop; {@link EmbedderProducer} triggers it in the background at start-up. Texts of a batch
 * are embedded in parallel, one per inference thread ({@code lectavera.embeddings.local.threads}, default: the
 * cores), each inference single-threaded (see {@link BgeSmallOnnxModel}).
 */
@ApplicationScoped
@Typed(LocalBgeEmbedder.class)
public class LocalBgeEmbedder implements Embedder {

    public static final String MODEL_ID = "bge-small-en-v1.5-q";
    private static final Logger LOG = Logger.getLogger(LocalBgeEmbedder.class);

    private final String queryInstruction;
    private final int threads;
    private final ExecutorService executor;
    private volatile EmbeddingModel model;

    LocalBgeEmbedder(EmbeddingsConfig config) {
        this.queryInstruction = config.local().queryInstruction().strip() + " ";
        this.threads = config.local().threads().orElse(Runtime.getRuntime().availableProcessors());
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads),
                Thread.ofPlatform().name("embedding-", 1).daemon(true).factory());
    }

    /**
     * Lets in-flight inferences finish before the application goes on shutting down: ONNX Runtime's native
     * resources are released at shutdown, and an inference still running then crashes the JVM (SIGSEGV). Runs after
     * the ingestion dispatcher stopped its workers (observer priority).
     */
    void stop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent shutdown) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Embedding inferences still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(e -> Embedder.normalize(e.vector())).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return Embedder.normalize(model().embed(queryInstruction + query).content().vector());
    }

    EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    long start = System.nanoTime();
                    loaded = BgeSmallOnnxModel.load(executor);
                    if (loaded == null) {
                        LOG.warnf("The bge model resources were not found under their expected names; using the"
                                + " stock model class (slower on small CPUs)");
                        loaded = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
                    }
                    model = loaded;
                    LOG.infof("Loaded embedding model %s in %d ms (%d inference threads)", MODEL_ID,
                            (System.nanoTime() - start) / 1_000_000, threads);
                }
            }
        }
        return loaded;
    }
}
