package dev.lectavera.quiz.generation.model;

import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.generation.QuestionType;

import java.util.List;
import java.util.stream.Collectors;

/** The requests sent to the model, with the exact JSON shape each reply must have. */
public final class ModelPrompts {

    private ModelPrompts() {
    }

    public static String writeQuestions(List<Passage> passages, int count, Difficulty difficulty,
                                        List<QuestionType> types) {
        StringBuilder request = new StringBuilder();
        request.append("Write ").append(count).append(" quiz questions, difficulty ").append(difficulty.wire())
                .append(" (easy: central facts; hard: finer details and closer wrong options).\n")
                .append("Allowed types: ")
                .append(types.stream().map(QuestionType::wire).collect(Collectors.joining(", "))).append(".\n")
                .append("""
                        Reply with JSON of exactly this shape:
                        {"questions": [{"type": "...", "passageId": "P1", "prompt": "...", "options": ["..."],
                          "answer": "...", "explanation": "...", "topic": "..."}]}
                        Rules:
                        - multiple_choice: "options" holds 4 different choices, one of them exactly the answer; the
                          other three are plausible terms of the same kind taken from the passages.
                        - true_false: "options" is ["True", "False"]; "answer" is "true" or "false"; "topic" is the
                          key term the statement is about, written as in the passage.
                        - fill_in_blank: "prompt" is a sentence of the passage with the answer replaced by "_____";
                          "options" is [].
                        - short_answer: "options" is []; the answer is a term or short phrase.
                        - Except for true_false, "answer" is copied word for word from the cited passage.
                        - "topic" is the key term the question is about; "explanation" says why the answer is right.
                        - No two questions ask the same thing; spread them over the passages.
                        Passages:
                        """);
        for (Passage passage : passages) {
            request.append('[').append(passage.id()).append("] (\"").append(passage.page().title())
                    .append("\", page ").append(passage.page().page()).append(") ").append(passage.text())
                    .append('\n');
        }
        return request.toString();
    }

    public static String checkSupport(String passage, String question, String answer) {
        return "Passage: " + passage + "\nQuestion: " + question + "\nAnswer: " + answer
                + "\nReply {\"supported\": true} if the passage states this answer to the question, else"
                + " {\"supported\": false}.";
    }

    public static String gradeAnswer(String question, String expected, String given, String passage) {
        return "Question: " + question + "\nExpected answer: " + expected + "\nStudent answer: " + given
                + "\nSource passage: " + passage
                + "\nReply {\"correct\": true} if the student answer means the expected answer, else"
                + " {\"correct\": false}.";
    }
}
