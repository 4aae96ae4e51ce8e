package dev.lectavera.outbox;

import java.util.UUID;

/** Fired inside the transaction that wrote an outbox row; the relay reacts after the commit. */
public record OutboxAppended(UUID eventId) {
}
