package dev.lectavera.quiz.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** quiz-service with the model generator (provider openai) talking to {@link OpenAiStub}. */
public class OpenAiProfile implements QuarkusTestProfile {

    private static final String CALLS = "dev.lectavera.quiz.generation.model.QuizModelCalls";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "lectavera.quiz.model.provider", "openai",
                "lectavera.quiz.model.name", "gpt-test",
                // tests provoke failures on purpose: keep the circuit closed so the next test talks to the stub
                CALLS + "/writeQuestions/CircuitBreaker/requestVolumeThreshold", "1000",
                CALLS + "/gradeAnswer/CircuitBreaker/requestVolumeThreshold", "1000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiStub.class));
    }
}
