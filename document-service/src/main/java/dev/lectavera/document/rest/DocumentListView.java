package dev.lectavera.document.rest;

import java.util.List;

/** One page of a list; {@code total} counts every match. */
public record DocumentListView(List<DocumentView> items, int page, int size, long total) {
}
