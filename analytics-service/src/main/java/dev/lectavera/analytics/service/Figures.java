package dev.lectavera.analytics.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are rounded in responses: percentages to 2 decimals, rates to 4, minutes down to whole. */
final class Figures {

    private Figures() {
    }

    static Double percent(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : percent(100.0 * part / whole);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    static long wholeMinutes(double seconds) {
        return (long) Math.floor(seconds / 60);
    }
}
