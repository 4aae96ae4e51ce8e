package dev.lectavera.quiz.service;

import dev.lectavera.quiz.config.QuizConfig;
import dev.lectavera.quiz.generation.GenerationRequest;
import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.generation.offline.OfflineQuizGenerator;
import dev.lectavera.quiz.generation.model.ModelQuizGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.stream.Collectors;

/**
 * Chooses the generator: the model when {@code lectavera.quiz.model.provider=openai}, else the offline one. A model
 * that fails (an error, a timeout, an open circuit, a reply that is not the JSON asked for, or nothing left after the
 * quality gates) is replaced by the offline generator, and the quiz says so ({@code generation.fallback}).
 */
@ApplicationScoped
public class QuizGenerators {

    private static final Logger LOG = Logger.getLogger(QuizGenerators.class);
    private static final int MAX_REASON = 300;

    private final OfflineQuizGenerator offline;
    private final Instance<ModelQuizGenerator> model;
    private final boolean modelConfigured;

    QuizGenerators(QuizConfig config, Instance<ModelQuizGenerator> model) {
        this.offline = new OfflineQuizGenerator(config.generation().nearDuplicateThreshold());
        this.model = model;
        this.modelConfigured = config.model().provider() == QuizConfig.Provider.OPENAI;
    }

    public GenerationResult generate(GenerationRequest request) {
        if (!modelConfigured) {
            return offline.generate(request);
        }
        ModelQuizGenerator generator = model.get();
        String reason;
        try {
            GenerationResult result = generator.generate(request);
            if (!result.questions().isEmpty()) {
                return result;
            }
            reason = "none of the model's questions passed the quality gates ("
                    + result.gateRejections().entrySet().stream().map(e -> e.getKey().wire() + ": " + e.getValue())
                    .collect(Collectors.joining(", ")) + ")";
        } catch (RuntimeException e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            reason = message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "..." : message;
        }
        LOG.warnf("Quiz model %s failed (%s); using the offline generator", generator.name(), reason);
        return offline.generate(request).withFallback(new GenerationResult.Fallback(generator.name(), reason));
    }
}
