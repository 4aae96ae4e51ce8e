package dev.lectavera.study.rest;

import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.MessageRow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message. The answer fields ({@code verdict}, {@code model}, {@code cached}, tokens, {@code latencyMs}) are
 * null for a user's message.
 */
public record MessageView(UUID id, UUID sessionId, String role, String content, List<Citation> citations,
                          String verdict, String model, Boolean cached, Integer promptTokens,
                          Integer completionTokens, Long latencyMs, Instant createdAt) {

    static MessageView of(MessageRow m) {
        return new MessageView(m.id(), m.sessionId(), m.role().name(), m.content(), m.citations(),
                m.verdict() == null ? null : m.verdict().name(), m.model(), m.cacheHit(), m.promptTokens(),
                m.completionTokens(), m.latencyMs(), m.createdAt());
    }

    static List<MessageView> of(List<MessageRow> rows) {
        return rows.stream().map(MessageView::of).toList();
    }
}
