package dev.lectavera.quiz.model;

import java.util.UUID;

/**
 * One graded answer of an attempt.
 *
 * @param answer  what the user answered, null when left out
 * @param grading how it was graded: exact, lenient, model or unanswered
 */
public record AttemptAnswer(UUID questionId, String answer, boolean correct, String grading) {
}
