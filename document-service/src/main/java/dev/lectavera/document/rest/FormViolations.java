package dev.lectavera.document.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks of multipart form fields, reported like Bean Validation violations elsewhere in the API
 * ({@code violations[{field, in, message}]}, with {@code in = "form"}): the validator does not know form part names.
 */
final class FormViolations {

    private final List<Map<String, String>> violations = new ArrayList<>();

    FormViolations check(boolean valid, String field, String message) {
        if (!valid) {
            violations.add(Map.of("field", field, "in", "form", "message", message));
        }
        return this;
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw HttpProblem.builder()
                    .withStatus(Response.Status.BAD_REQUEST)
                    .withTitle("Bad Request")
                    .with("violations", List.copyOf(violations))
                    .build();
        }
    }
}
