package dev.lectavera.quiz.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A document a quiz was built from, with its title and version then, and whether it was deleted since. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentRefView(UUID documentId, String title, long version, boolean deleted, Instant deletedAt) {
}
