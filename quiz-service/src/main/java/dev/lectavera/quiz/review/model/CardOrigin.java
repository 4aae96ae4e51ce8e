package dev.lectavera.quiz.review.model;

import java.util.Locale;

/** How a card came to be: a question missed in a graded attempt, the student's pick, or generated. */
public enum CardOrigin {
    MISSED_QUESTION, QUESTION, CITATION, FLASHCARD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CardOrigin fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
