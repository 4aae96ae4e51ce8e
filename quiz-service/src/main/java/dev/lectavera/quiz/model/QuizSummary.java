package dev.lectavera.quiz.model;

/** A quiz in the list: with its attempt count and best attempt (null scores when never attempted). */
public record QuizSummary(Quiz quiz, int attemptCount, Double bestScore, Double bestMaxScore) {
}
