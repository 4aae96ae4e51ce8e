package dev.lectavera.quiz.rest;

import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.generation.QuestionType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * @param documentIds 1 to 10 of the caller's indexed documents (repeats are ignored)
 * @param count       questions wanted, 1 to 50
 * @param difficulty  easy, medium (the default) or hard
 * @param types       question types; absent: all four
 */
public record GenerateQuizRequest(
        @NotNull @Size(min = 1, max = 10) List<@NotNull UUID> documentIds,
        @NotNull @Min(1) @Max(50) Integer count,
        @Pattern(regexp = Difficulty.WIRE_PATTERN, message = "must be one of easy, medium, hard") String difficulty,
        @Size(min = 1, max = 4) List<@NotNull @Pattern(regexp = QuestionType.WIRE_PATTERN,
                message = "must be one of multiple_choice, true_false, fill_in_blank, short_answer") String> types) {
}
