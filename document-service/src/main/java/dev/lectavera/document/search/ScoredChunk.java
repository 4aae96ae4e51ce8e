package dev.lectavera.document.search;

/** A chunk id with its score in one ranking (higher is better). */
public record ScoredChunk(long chunkId, double score) {
}
