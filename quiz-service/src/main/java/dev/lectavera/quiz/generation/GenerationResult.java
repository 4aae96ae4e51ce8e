package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.gate.Gate;

import java.util.List;
import java.util.Map;

/**
 * What a generator produced.
 *
 * @param generator      the generator that produced the questions ("lectavera-offline" or "openai:&lt;model&gt;")
 * @param examined       candidate questions put through the quality gates
 * @param gateRejections candidates each gate turned down
 * @param shortfall      set when fewer questions than requested came out
 * @param fallback       set when the configured model failed and the offline generator stood in
 */
public record GenerationResult(String generator, List<QuestionDraft> questions, int examined,
                               Map<Gate, Integer> gateRejections, Shortfall shortfall, Fallback fallback) {

    public GenerationResult {
        questions = List.copyOf(questions);
        gateRejections = Map.copyOf(gateRejections);
    }

    public GenerationResult withFallback(Fallback reason) {
        return new GenerationResult(generator, questions, examined, gateRejections, shortfall, reason);
    }

    /** Fewer questions than requested, and why: never padded. */
    public record Shortfall(int requested, int produced, String reason) {
    }

    /** The model named {@code from} failed with {@code reason}; the offline generator produced the quiz. */
    public record Fallback(String from, String reason) {
    }
}
