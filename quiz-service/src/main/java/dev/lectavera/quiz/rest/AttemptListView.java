package dev.lectavera.quiz.rest;

import java.util.List;

/** One page of the caller's attempts at a quiz, newest first. */
public record AttemptListView(List<AttemptSummaryView> items, int page, int size, long total) {
}
