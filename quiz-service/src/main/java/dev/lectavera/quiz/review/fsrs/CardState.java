package dev.lectavera.quiz.review.fsrs;

import java.util.Locale;

/**
 * Where a card is in its schedule: never reviewed, in its short learning steps, on day intervals, or back in short
 * steps after a lapse.
 */
public enum CardState {
    NEW, LEARNING, REVIEW, RELEARNING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CardState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
