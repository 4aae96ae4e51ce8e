package dev.lectavera.quiz.generation.gate;

import java.util.UUID;

/** One page of one document. */
public record PageKey(UUID documentId, int page) {
}
