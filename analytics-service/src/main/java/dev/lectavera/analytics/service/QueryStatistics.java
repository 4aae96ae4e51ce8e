package dev.lectavera.analytics.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The query log of one user over [from, to] (open ends when absent). */
public record QueryStatistics(
        LocalDate from,
        LocalDate to,
        String timezone,
        long questions,
        Latency latencyMs,
        long cacheHits,
        Double cacheHitRate,
        Map<String, Long> verdicts,
        List<ModelUse> models,
        Tokens tokens) {

    /** Exact percentiles (PostgreSQL percentile_cont); null when there is no question. */
    public record Latency(Double mean, Double p50, Double p95, Double p99) {
    }

    public record ModelUse(String model, long questions, long promptTokens, long completionTokens, long totalTokens) {
    }

    public record Tokens(long prompt, long completion, long total) {
    }
}
