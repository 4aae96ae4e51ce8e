package dev.lectavera.document.rest;

import dev.lectavera.document.cache.StatusSnapshot;

import java.time.Instant;
import java.util.UUID;

/** Processing status: pagesDone of pagesTotal pages extracted, chunked and embedded. */
public record StatusView(UUID documentId, String status, int pagesDone, Integer pagesTotal, String failureCode,
                         String failureReason, Instant updatedAt) {

    static StatusView of(StatusSnapshot s) {
        return new StatusView(s.documentId(), s.status(), s.pagesDone(), s.pagesTotal(), s.failureCode(),
                s.failureReason(), s.updatedAt());
    }
}
