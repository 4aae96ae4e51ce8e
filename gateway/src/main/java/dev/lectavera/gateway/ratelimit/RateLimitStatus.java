package dev.lectavera.gateway.ratelimit;

import java.util.List;

/**
 * The caller's state in each rate-limit class, answered by {@code GET /api/v1/users/rate-limit-status}.
 *
 * @param source {@code redis} (shared by all gateway instances) or {@code memory} (this instance only, Redis down)
 */
public record RateLimitStatus(String source, List<ClassState> classes) {

    /**
     * @param limit         requests per period (also the largest burst)
     * @param periodSeconds length of the period
     * @param remaining     requests the caller may make right now
     * @param resetSeconds  seconds until the caller's bucket is full again (0: full)
     */
    public record ClassState(String name, int limit, long periodSeconds, int remaining, long resetSeconds) {
    }
}
