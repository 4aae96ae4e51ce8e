package dev.lectavera.study.rest;

import java.util.List;

/** One page of sessions, newest first; {@code total} counts every match. */
public record SessionListView(List<SessionView> items, int page, int size, long total) {
}
