package dev.lectavera.quiz.rest;

import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.model.Question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The passage a question was drawn from contains its answer. Before the caller has attempted the quiz, the passage
 * is shown with the answer key (and the question's topic term) blanked out, as whole words, case-insensitively.
 */
final class AnswerMask {

    static final String BLANK = "_____";

    private AnswerMask() {
    }

    static String mask(Question question) {
        List<String> hidden = new ArrayList<>();
        if (!QuestionType.TRUE_FALSE.wire().equals(question.type())) {
            hidden.add(question.answer());
        }
        hidden.add(question.topic());
        hidden.sort(Comparator.comparingInt(String::length).reversed());
        String passage = question.passage();
        for (String term : hidden) {
            if (term == null || term.isBlank()) {
                continue;
            }
            Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.strip()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            passage = whole.matcher(passage).replaceAll(BLANK);
        }
        return passage;
    }
}
