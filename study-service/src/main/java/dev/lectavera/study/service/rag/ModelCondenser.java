package dev.lectavera.study.service.rag;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import java.util.List;

/** Condensing with the model (provider openai); the offline rules when the model fails or answers nonsense. */
@ApplicationScoped
public class ModelCondenser implements QuestionCondenser {

    private static final Logger LOG = Logger.getLogger(ModelCondenser.class);
    private static final int MAX_TURN_CHARS = 400;

    private final GroundedAnswerModel model;
    private final OfflineCondenser offline = new OfflineCondenser();

    ModelCondenser(GroundedAnswerModel model) {
        this.model = model;
    }

    @Override
    @Timeout(15_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000)
    @Fallback(fallbackMethod = "offlineCondense")
    public String condense(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return question.strip();
        }
        StringBuilder conversation = new StringBuilder();
        for (Turn turn : history) {
            String text = turn.content().strip();
            if (text.length() > MAX_TURN_CHARS) {
                text = text.substring(0, MAX_TURN_CHARS) + "…";
            }
            conversation.append(turn.fromUser() ? "Student: " : "Assistant: ").append(text).append('\n');
        }
        String rewritten = model.condense(conversation.toString().strip(), question.strip());
        if (rewritten == null || rewritten.isBlank() || rewritten.length() > 1000) {
            return offline.condense(question, history);
        }
        return rewritten.strip();
    }

    String offlineCondense(String question, List<Turn> history, Throwable failure) {
        LOG.debugf("Model condensing failed, using the offline rules: %s", failure.toString());
        return offline.condense(question, history);
    }
}
