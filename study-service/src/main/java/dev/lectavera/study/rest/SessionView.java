package dev.lectavera.study.rest;

import dev.lectavera.study.model.SessionRow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A session as the API shows it. */
public record SessionView(UUID id, String title, List<UUID> documentIds, String status, Instant startedAt,
                          Instant lastActivityAt, Instant archivedAt, int messageCount) {

    static SessionView of(SessionRow s) {
        return new SessionView(s.id(), s.title(), s.documentIds(), s.status().name(), s.startedAt(),
                s.lastActivityAt(), s.archivedAt(), s.messageCount());
    }
}
