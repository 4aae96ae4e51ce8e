package dev.lectavera.study.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A chat session as stored. {@code lastMessageSeq} is the seq of its newest message (0: none). */
public record SessionRow(UUID id, UUID userId, String title, List<UUID> documentIds, SessionStatus status,
                         Instant startedAt, Instant lastActivityAt, Instant archivedAt, int messageCount,
                         long lastMessageSeq) {

    public boolean active() {
        return status == SessionStatus.ACTIVE;
    }
}
