package dev.lectavera.document.rest;

import java.util.UUID;

/** Answer to an upload: 202 for a new document, 200 with the existing one for a file uploaded before. */
public record UploadAccepted(UUID id, String status) {
}
