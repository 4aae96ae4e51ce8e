package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A new account. No email or name: other services have no use for them (data minimisation). */
public record UserRegistered(UUID userId, Instant registeredAt) {
}
