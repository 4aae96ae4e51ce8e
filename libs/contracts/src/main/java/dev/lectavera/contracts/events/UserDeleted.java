package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The account is gone: every service purges the user's data. */
public record UserDeleted(UUID userId, Instant deletedAt) {
}
