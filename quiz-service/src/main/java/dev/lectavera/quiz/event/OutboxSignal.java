package dev.lectavera.quiz.event;

/** Fired when a transaction wrote to the outbox; observed after the commit to relay at once. */
public record OutboxSignal() {
}
