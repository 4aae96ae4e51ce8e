package dev.lectavera.study.client;

import java.util.List;
import java.util.UUID;

/** Body of POST /api/v1/documents/search: documentIds must not be empty (empty means "all documents" there). */
public record SearchQuery(String query, List<UUID> documentIds, int topK) {
}
