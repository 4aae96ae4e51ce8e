package dev.lectavera.quiz.generation;

import java.util.List;

/**
 * A generated question before it is stored.
 *
 * @param options     the choices shown (multiple choice: four, true/false: True and False), empty otherwise
 * @param answer      the answer key: the correct option, "true"/"false", or the expected text
 * @param topic       the key term the question is about
 */
public record QuestionDraft(QuestionType type, String prompt, List<String> options, String answer,
                            String explanation, String topic, QuestionSource source) {

    public QuestionDraft {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
