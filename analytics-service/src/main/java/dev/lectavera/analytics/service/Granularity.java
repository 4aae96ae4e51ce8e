package dev.lectavera.analytics.service;

/** Buckets of the activity series: local days, or ISO weeks starting on Monday. */
public enum Granularity {
    DAY, WEEK;

    public static Granularity parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        return switch (value.trim()) {
            case "day" -> DAY;
            case "week" -> WEEK;
            default -> throw new InvalidParameterException("granularity", "must be day or week");
        };
    }

    public String label() {
        return name().toLowerCase();
    }
}
