package dev.lectavera.quiz.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * @param answers          one per question answered (a question left out scores nothing)
 * @param timeSpentSeconds 0 to 86400
 */
public record SubmitAttemptRequest(
        @NotNull @Size(max = 50) List<@NotNull @Valid Answer> answers,
        @NotNull @Min(0) @Max(86_400) Integer timeSpentSeconds) {

    /**
     * @param answer multiple choice: the option's text; true/false: "true" or "false"; otherwise the typed answer
     */
    public record Answer(@NotNull UUID questionId, @Size(max = 2000) String answer) {
    }
}
