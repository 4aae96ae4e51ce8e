package dev.lectavera.quiz.generation;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question a quiz can hold; {@link #wire()} is the API and database name. */
public enum QuestionType {
    MULTIPLE_CHOICE("multiple_choice"),
    TRUE_FALSE("true_false"),
    FILL_IN_BLANK("fill_in_blank"),
    SHORT_ANSWER("short_answer");

    public static final String WIRE_PATTERN = "multiple_choice|true_false|fill_in_blank|short_answer";

    private final String wire;

    QuestionType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<QuestionType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
    }

    /** Graded by exact match (a choice was made) rather than leniently (text was typed). */
    public boolean isChoice() {
        return this == MULTIPLE_CHOICE || this == TRUE_FALSE;
    }
}
