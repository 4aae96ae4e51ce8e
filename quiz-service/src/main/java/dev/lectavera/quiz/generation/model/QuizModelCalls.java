package dev.lectavera.quiz.generation.model;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * The model behind fault tolerance. Generation may take a while (a timeout of 90 s, one retry); the small checks
 * (support, grading) must be quick (20 s, no retry: the lenient rules stand in). A model that keeps failing opens
 * the circuit so requests fall back at once instead of waiting. Callers treat every exception as "no model answer".
 */
@ApplicationScoped
public class QuizModelCalls {

    private final QuizModel model;

    QuizModelCalls(QuizModel model) {
        this.model = model;
    }

    @Timeout(value = 90, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 500, abortOn = ModelOutputException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public String writeQuestions(String request) {
        return model.writeQuestions(request);
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public String checkSupport(String request) {
        return model.checkSupport(request);
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public String gradeAnswer(String request) {
        return model.gradeAnswer(request);
    }
}
