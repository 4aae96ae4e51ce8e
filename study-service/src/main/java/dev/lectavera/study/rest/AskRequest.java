package dev.lectavera.study.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A question, 1 to 4000 characters. */
public record AskRequest(
        @NotNull @Size(min = 1, max = 4000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String content) {
}
