package dev.lectavera.quiz.review.rest;

import java.util.List;

/** One page of the caller's cards, newest first. */
public record CardListView(List<CardView> items, int page, int size, long total) {
}
