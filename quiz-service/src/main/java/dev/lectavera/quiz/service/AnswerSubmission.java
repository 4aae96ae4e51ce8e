package dev.lectavera.quiz.service;

import java.util.UUID;

/** One answer as the caller sent it; {@code answer} may be null (left out). */
public record AnswerSubmission(UUID questionId, String answer) {
}
