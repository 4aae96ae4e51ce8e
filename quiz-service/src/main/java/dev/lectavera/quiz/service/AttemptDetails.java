package dev.lectavera.quiz.service;

import dev.lectavera.quiz.model.Attempt;
import dev.lectavera.quiz.model.AttemptAnswer;
import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.model.QuizDocument;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A graded attempt with the quiz's questions (answer keys included: the attempt reveals them). */
public record AttemptDetails(Attempt attempt, List<Question> questions, Map<UUID, AttemptAnswer> answers,
                             List<QuizDocument> documents) {
}
