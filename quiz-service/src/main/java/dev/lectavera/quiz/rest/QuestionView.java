package dev.lectavera.quiz.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * A question as the quiz shows it. {@code answer} and {@code explanation} are present only once the caller has
 * attempted the quiz.
 *
 * @param options the choices (multiple choice, true/false); absent for typed answers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionView(UUID id, int position, String type, String prompt, List<String> options,
                           String difficulty, String topic, SourceView source, String answer, String explanation) {
}
