package dev.lectavera.study.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** PATCH body: fields left out (or null) stay as they are. */
public record SessionPatch(
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Size(min = 1, max = 20) List<@NotNull UUID> documentIds) {
}
