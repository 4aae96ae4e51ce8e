package dev.lectavera.gateway.ratelimit;

/**
 * One bucket a request is charged to: a class and the caller within it ({@code u:{userId}}, {@code ip:{address}},
 * {@code ip:{address}:e:{email hash}}...). Its Redis key is {@code lv:rl:{class}:{subject}}.
 */
public record RateCharge(RateClass rateClass, String subject) {

    public String key() {
        return AdmissionControl.RATE_PREFIX + rateClass.label() + ':' + subject;
    }
}
