package dev.lectavera.quiz.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * One question of a graded attempt.
 *
 * @param yourAnswer    what the caller answered; absent when left out
 * @param grading       exact, lenient, model or unanswered
 * @param correctAnswer the answer key
 * @param page          the cited page (also in {@code source})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionResultView(UUID questionId, int position, String type, String prompt, List<String> options,
                                 String topic, String yourAnswer, boolean correct, String grading,
                                 String correctAnswer, String explanation, int page, SourceView source) {
}
