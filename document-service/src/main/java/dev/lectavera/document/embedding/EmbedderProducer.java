package dev.lectavera.document.embedding;

import dev.lectavera.document.config.EmbeddingsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Picks the embedding model named by {@code lectavera.embeddings.provider}. */
@ApplicationScoped
public class EmbedderProducer {

    private static final Logger LOG = Logger.getLogger(EmbedderProducer.class);

    @Produces
    @ApplicationScoped
    Embedder embedder(EmbeddingsConfig config, Instance<LocalBgeEmbedder> local, Instance<OpenAiEmbedder> openai) {
        Embedder chosen = switch (config.provider()) {
            case LOCAL -> local.get();
            case OPENAI -> openai.get();
        };
        LOG.infof("Embedding model: %s", chosen.modelId());
        return chosen;
    }

    /** Loads the in-process model in the background so the first upload or search does not wait for it. */
    void warmUp(@Observes StartupEvent startup, EmbeddingsConfig config, Instance<LocalBgeEmbedder> local) {
        if (config.provider() == EmbeddingsConfig.Provider.LOCAL) {
            Thread.ofVirtual().name("embedding-warm-up").start(() -> {
                try {
                    local.get().model();
                } catch (RuntimeException e) {
                    LOG.warnf("Embedding model warm-up failed (it will be retried on first use): %s", e.toString());
                }
            });
        }
    }
}
