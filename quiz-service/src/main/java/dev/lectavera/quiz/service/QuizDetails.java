package dev.lectavera.quiz.service;

import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.model.Quiz;
import dev.lectavera.quiz.model.QuizDocument;

import java.util.List;

/** A quiz with its documents and questions, and how often its owner attempted it. */
public record QuizDetails(Quiz quiz, List<QuizDocument> documents, List<Question> questions, long attemptCount) {
}
