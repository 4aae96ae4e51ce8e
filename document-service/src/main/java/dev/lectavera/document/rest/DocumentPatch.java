package dev.lectavera.document.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** PATCH body: fields left out (or null) stay as they are; an empty category clears it. */
public record DocumentPatch(
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Size(max = 64) String category,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        Boolean archived) {
}
