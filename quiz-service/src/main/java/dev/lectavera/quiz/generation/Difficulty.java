package dev.lectavera.quiz.generation;

import java.util.Arrays;
import java.util.Optional;

/**
 * How hard a quiz should be. Offline: easy prefers frequent key terms in short sentences and distant distractors;
 * hard prefers rarer terms in longer sentences and distractors close to the answer.
 */
public enum Difficulty {
    EASY, MEDIUM, HARD;

    public static final String WIRE_PATTERN = "easy|medium|hard";

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Difficulty> fromWire(String name) {
        return Arrays.stream(values()).filter(d -> d.wire().equals(name)).findFirst();
    }
}
