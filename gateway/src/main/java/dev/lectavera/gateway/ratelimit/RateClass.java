package dev.lectavera.gateway.ratelimit;

/**
 * The rate-limit buckets of the public API (see README: which request falls in which class). A request is
 * charged to its class and, for the auth routes, also to {@link #AUTH_IP} (and registrations to {@link #REGISTER}).
 */
public enum RateClass {
    /** WebSocket upgrades: how often one user opens sockets (the questions asked inside are study-service's). */
    SOCKET("socket"),
    AUTH("auth"),
    AUTH_IP("auth-ip"),
    REGISTER("register"),
    UPLOAD("upload"),
    SEARCH("search"),
    QUIZ("quiz"),
    DEFAULT("default");

    private final String label;

    RateClass(String label) {
        this.label = label;
    }

    /** Name used in configuration, Redis keys and the rate-limit-status answer. */
    public String label() {
        return label;
    }
}
