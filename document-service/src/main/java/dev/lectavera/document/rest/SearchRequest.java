package dev.lectavera.document.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * @param documentIds documents to search; absent or empty: all the caller's indexed, non-archived documents
 * @param topK        passages wanted, 1..50 (default 8)
 */
public record SearchRequest(
        @NotBlank @Size(max = 1000) String query,
        @Size(max = 200) List<@NotNull UUID> documentIds,
        @Min(1) @Max(50) Integer topK) {

    public int topKOrDefault() {
        return topK == null ? 8 : topK;
    }
}
