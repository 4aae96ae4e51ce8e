package dev.lectavera.document.rest;

import java.util.UUID;

/** The extracted text of one page; search offsets index into {@code text}. */
public record PageView(UUID documentId, int page, String text) {
}
