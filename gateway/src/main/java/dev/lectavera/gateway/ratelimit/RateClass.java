package dev.lectavera.gateway.ratelimit;

/** The rate-limit buckets of the public API (see README: which request falls in which class). */
public enum RateClass {
    CHAT("chat"),
    AUTH("auth"),
    UPLOAD("upload"),
    SEARCH("search"),
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
