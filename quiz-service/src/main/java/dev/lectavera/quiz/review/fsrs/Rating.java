package dev.lectavera.quiz.review.fsrs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four answers to "how well did you remember?", with FSRS's grade numbers 1-4. */
public enum Rating {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    public int grade() {
        return grade;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Rating> fromWire(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.wire().equalsIgnoreCase(value.strip())).findFirst();
    }

    public static Rating ofGrade(int grade) {
        return values()[grade - 1];
    }
}
