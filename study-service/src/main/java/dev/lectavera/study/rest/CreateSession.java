package dev.lectavera.study.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** POST body: a title and 1 to 20 of the caller's INDEXED documents (duplicates count once). */
public record CreateSession(
        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @NotNull @Size(min = 1, max = 20) List<@NotNull UUID> documentIds) {
}
