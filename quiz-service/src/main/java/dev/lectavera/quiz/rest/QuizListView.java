package dev.lectavera.quiz.rest;

import java.util.List;

/** One page of the caller's quizzes, newest first; {@code total} counts all of them. */
public record QuizListView(List<QuizSummaryView> items, int page, int size, long total) {
}
