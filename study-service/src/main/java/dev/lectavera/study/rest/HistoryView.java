package dev.lectavera.study.rest;

import java.util.List;

/** A session with its transcript, oldest first, a page at a time. */
public record HistoryView(SessionView session, List<MessageView> messages, boolean hasMore) {
}
