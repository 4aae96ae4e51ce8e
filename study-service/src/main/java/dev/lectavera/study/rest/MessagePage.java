package dev.lectavera.study.rest;

import java.util.List;

/** Messages oldest first; {@code hasMore}: ask again with {@code after} = the last id. */
public record MessagePage(List<MessageView> items, boolean hasMore) {
}
