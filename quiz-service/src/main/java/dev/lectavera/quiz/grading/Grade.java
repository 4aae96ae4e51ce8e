package dev.lectavera.quiz.grading;

/**
 * The verdict on one answer.
 *
 * @param method how it was reached: {@code exact} (a choice), {@code lenient} (typed text, normalised rules),
 *               {@code model} (typed text the model accepted) or {@code unanswered}
 */
public record Grade(boolean correct, String method) {

    public static final String EXACT = "exact";
    public static final String LENIENT = "lenient";
    public static final String MODEL = "model";
    public static final String UNANSWERED = "unanswered";
}
