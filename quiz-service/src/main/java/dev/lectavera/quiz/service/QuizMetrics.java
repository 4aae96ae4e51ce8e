package dev.lectavera.quiz.service;

import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.gate.Gate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Micrometer meters of quiz generation and grading (Prometheus at /q/metrics):
 * {@code lectavera_quiz_gate_rejections_total{gate,generator}}, {@code lectavera_quiz_questions_generated_total
 * {generator,type}}, {@code lectavera_quiz_generation_shortfalls_total{generator}},
 * {@code lectavera_quiz_generation_fallbacks_total{from}}, {@code lectavera_quiz_generation_seconds{generator}},
 * {@code lectavera_quiz_attempts_total}.
 */
@ApplicationScoped
public class QuizMetrics {

    private final MeterRegistry registry;

    QuizMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void generated(GenerationResult result, Duration took) {
        String generator = result.generator();
        for (Gate gate : Gate.values()) {
            // registered even at zero, so every gate shows up in the metrics
            Counter counter = Counter.builder("lectavera.quiz.gate.rejections")
                    .description("Candidate questions turned down by a quality gate")
                    .tag("gate", gate.wire()).tag("generator", generator)
                    .register(registry);
            counter.increment(result.gateRejections().getOrDefault(gate, 0));
        }
        for (QuestionDraft question : result.questions()) {
            registry.counter("lectavera.quiz.questions.generated", "generator", generator,
                    "type", question.type().wire()).increment();
        }
        if (result.shortfall() != null) {
            registry.counter("lectavera.quiz.generation.shortfalls", "generator", generator).increment();
        }
        if (result.fallback() != null) {
            registry.counter("lectavera.quiz.generation.fallbacks", "from", result.fallback().from()).increment();
        }
        Timer.builder("lectavera.quiz.generation").description("Time to generate a quiz, pages read included")
                .tag("generator", generator).register(registry).record(took);
    }

    public void attempted() {
        registry.counter("lectavera.quiz.attempts").increment();
    }
}
