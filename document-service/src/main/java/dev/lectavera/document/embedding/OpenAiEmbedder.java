package dev.lectavera.document.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.lectavera.document.config.EmbeddingsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.List;

/**
 * An OpenAI-compatible embedding endpoint. The model is built here from {@code lectavera.embeddings.openai.*}
 * (quarkus-langchain4j-openai supplies the Quarkus REST client underneath), and only when
 * {@code lectavera.embeddings.provider=openai}: an unconfigured deployment never needs a key or a network.
 */
@ApplicationScoped
@Typed(OpenAiEmbedder.class)
public class OpenAiEmbedder implements Embedder {

    private final EmbeddingsConfig.Openai config;
    private final String modelId;
    private volatile EmbeddingModel model;

    OpenAiEmbedder(EmbeddingsConfig config) {
        this.config = config.openai();
        this.modelId = "openai:" + this.config.modelName() + this.config.dimensions().map(d -> ":" + d).orElse("");
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        if (embeddings.size() != texts.size()) {
            throw new IllegalStateException("The embedding endpoint returned " + embeddings.size() + " vectors for "
                    + texts.size() + " texts");
        }
        return embeddings.stream().map(e -> Embedder.normalize(e.vector())).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return Embedder.normalize(model().embed(query).content().vector());
    }

    private EmbeddingModel model() {
        EmbeddingModel built = model;
        if (built == null) {
            synchronized (this) {
                built = model;
                if (built == null) {
                    built = OpenAiEmbeddingModel.builder()
                            .baseUrl(config.baseUrl())
                            // servers without authentication ignore the header
                            .apiKey(config.apiKey().orElse("no-key"))
                            .modelName(config.modelName())
                            .dimensions(config.dimensions().orElse(null))
                            .timeout(config.timeout())
                            .maxRetries(config.maxRetries())
                            .build();
                    model = built;
                }
            }
        }
        return built;
    }
}
