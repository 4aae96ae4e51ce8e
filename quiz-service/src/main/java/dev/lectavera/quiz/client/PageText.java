package dev.lectavera.quiz.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** One page's extracted text, as document-service serves it (search offsets index into it). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageText(UUID documentId, int page, String text) {
}
