package dev.lectavera.quiz.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.generation.gate.Gate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a quiz came about, stored with it and shown with it.
 *
 * @param requested      questions asked for
 * @param produced       questions in the quiz
 * @param examined       candidate questions put through the quality gates
 * @param gateRejections candidates turned down, per gate (every gate listed, zeros included)
 * @param shortfall      why fewer than requested, when so
 * @param fallback       the model that failed and why, when the offline generator stood in
 * @param durationMs     time spent generating (reading pages included)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationMetadata(int requested, int produced, int examined, Map<String, Integer> gateRejections,
                                 GenerationResult.Shortfall shortfall, GenerationResult.Fallback fallback,
                                 long durationMs) {

    public static GenerationMetadata of(int requested, GenerationResult result, long durationMs) {
        Map<String, Integer> rejections = new LinkedHashMap<>();
        for (Gate gate : Gate.values()) {
            rejections.put(gate.wire(), result.gateRejections().getOrDefault(gate, 0));
        }
        return new GenerationMetadata(requested, result.questions().size(), result.examined(), rejections,
                result.shortfall(), result.fallback(), durationMs);
    }
}
