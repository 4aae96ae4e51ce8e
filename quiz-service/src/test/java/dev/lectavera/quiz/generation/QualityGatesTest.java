package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.gate.Gate;
import dev.lectavera.quiz.generation.gate.QualityGates;
import dev.lectavera.quiz.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualityGatesTest {

    private static final UUID DOC = UUID.randomUUID();
    private static final String PASSAGE = "Hans Krebs described the cycle in 1937 at the University of Sheffield.";
    private static final String PAGE = TextNormalizer.normalize("Some text before. " + PASSAGE + " And after.");

    private static QuestionDraft question(QuestionType type, String prompt, List<String> options, String answer,
                                          String topic, String passage) {
        return new QuestionDraft(type, prompt, options, answer, "because", topic,
                new QuestionSource(DOC, "Biology", 2, passage, 0, passage.length()));
    }

    private static QuestionDraft cloze(String prompt, String answer, String passage) {
        return question(QuestionType.FILL_IN_BLANK, prompt, List.of(), answer, answer, passage);
    }

    private static QuestionDraft choice(String answer, String... options) {
        return question(QuestionType.MULTIPLE_CHOICE, "Which option completes the sentence? Hans Krebs described the"
                + " cycle in _____ at the University of Sheffield.", List.of(options), answer, answer, PASSAGE);
    }

    @Test
    void theAnswerMustBeInThePassageAndThePassageOnThePage() {
        assertTrue(QualityGates.isGrounded(cloze("_____ described the cycle", "Hans Krebs", PASSAGE), PAGE));
        assertTrue(QualityGates.isGrounded(cloze("_____ described the cycle", "hans KREBS", PASSAGE), PAGE),
                "normalised comparison");
        assertFalse(QualityGates.isGrounded(cloze("_____ described the cycle", "Louis Pasteur", PASSAGE), PAGE));
        assertFalse(QualityGates.isGrounded(cloze("_____ described the cycle", "Krebs", "Krebs was elsewhere."),
                PAGE), "the passage is not on the cited page");
        assertFalse(QualityGates.isGrounded(cloze("described in _____", "193", PASSAGE), PAGE), "whole tokens only");
    }

    @Test
    void trueFalseIsGroundedByItsTopicTerm() {
        QuestionDraft statement = question(QuestionType.TRUE_FALSE, "True or false: " + PASSAGE,
                List.of("True", "False"), "true", "University of Sheffield", PASSAGE);
        assertTrue(QualityGates.isGrounded(statement, PAGE));
        QuestionDraft notATruthValue = question(QuestionType.TRUE_FALSE, "True or false: " + PASSAGE,
                List.of("True", "False"), "maybe", "University of Sheffield", PASSAGE);
        assertFalse(QualityGates.isGrounded(notATruthValue, PAGE));
    }

    @Test
    void distractorsMustDifferFromTheAnswerAndFromEachOther() {
        assertTrue(QualityGates.distractorProblem(choice("1937", "1953", "1937", "1865", "1859")).isEmpty());
        assertTrue(QualityGates.distractorProblem(choice("1937", "1953", "1937", "1953", "1859")).isPresent(),
                "two equal distractors");
        assertTrue(QualityGates.distractorProblem(choice("1937", "1953", "1937", " 1937 ", "1859")).isPresent(),
                "the answer twice (normalised)");
        assertTrue(QualityGates.distractorProblem(choice("1937", "1953", "1865", "1859", "1779")).isPresent(),
                "the answer missing");
        assertTrue(QualityGates.distractorProblem(choice("1937", "1953", "1937", "1865")).isPresent(), "three options");
        assertTrue(QualityGates.distractorProblem(choice("cell membrane", "cell membrane", "membranes", "nucleus",
                "ribosome")).isPresent(), "a distractor inside the answer");
        assertTrue(QualityGates.distractorProblem(choice("cell", "cell", "cells", "nucleus", "ribosome"))
                .isPresent(), "a plural of the answer");
    }

    @Test
    void trueFalseOffersTrueAndFalseAndTypedAnswersOfferNothing() {
        assertTrue(QualityGates.distractorProblem(question(QuestionType.TRUE_FALSE, "True or false: x",
                List.of("True", "False"), "true", "x", PASSAGE)).isEmpty());
        assertTrue(QualityGates.distractorProblem(question(QuestionType.TRUE_FALSE, "True or false: x",
                List.of("Yes", "No"), "true", "x", PASSAGE)).isPresent());
        assertTrue(QualityGates.distractorProblem(question(QuestionType.SHORT_ANSWER, "Who?",
                List.of("a"), "x", "x", PASSAGE)).isPresent());
    }

    @Test
    void sameAnswerFromTheSamePassageIsADuplicate() {
        QuestionDraft a = cloze("Fill in the blank: _____ described the cycle in 1937 at the University of Sheffield.",
                "Hans Krebs", PASSAGE);
        QuestionDraft b = question(QuestionType.SHORT_ANSWER, "Who described the cycle in Sheffield?", List.of(),
                "Hans Krebs", "Hans Krebs", PASSAGE);
        assertTrue(QualityGates.nearDuplicates(a, b, 0.6));
    }

    @Test
    void promptsWithMostWordsInCommonAreNearDuplicates() {
        QuestionDraft a = cloze("Fill in the blank: Hans Krebs described the _____ in 1937 at the University of"
                + " Sheffield.", "cycle", PASSAGE);
        QuestionDraft b = cloze("Fill in the blank: Hans Krebs described the cycle in _____ at the University of"
                + " Sheffield.", "1937", PASSAGE);
        assertTrue(QualityGates.nearDuplicates(a, b, 0.6), "one sentence blanked twice");
        QuestionDraft c = cloze("Fill in the blank: _____ produce ATP through cellular respiration.",
                "Mitochondria", "Mitochondria produce ATP through cellular respiration.");
        assertFalse(QualityGates.nearDuplicates(a, c, 0.6), "different sentences, different answers");
    }

    @Test
    void sameTopicInTheSameTypeIsADuplicateInAnotherTypeNot() {
        QuestionDraft a = cloze("Fill in the blank: _____ described the cycle in 1937.", "Hans Krebs", PASSAGE);
        QuestionDraft b = cloze("Fill in the blank: In Sheffield, _____ taught biochemistry for years.",
                "Hans Krebs", "In Sheffield, Hans Krebs taught biochemistry for years.");
        assertTrue(QualityGates.nearDuplicates(a, b, 0.6));
        QuestionDraft c = question(QuestionType.SHORT_ANSWER, "Who taught biochemistry in Sheffield for years?",
                List.of(), "Hans Krebs", "Hans Krebs", "In Sheffield, Hans Krebs taught biochemistry for years.");
        assertFalse(QualityGates.nearDuplicates(a, c, 0.6));
    }

    @Test
    void checkReportsTheFirstFailingGate() {
        QualityGates gates = new QualityGates(0.6);
        QuestionDraft good = cloze("Fill in the blank: _____ described the cycle in 1937.", "Hans Krebs", PASSAGE);
        assertEquals(Optional.empty(), gates.check(good, PAGE, List.of()));
        assertEquals(Optional.of(Gate.DUPLICATE), gates.check(good, PAGE, List.of(good)));
        assertEquals(Optional.of(Gate.GROUNDED),
                gates.check(cloze("Fill in the blank: _____ described it.", "Pasteur", PASSAGE), PAGE, List.of()));
        assertEquals(Optional.of(Gate.DISTRACTORS),
                gates.check(choice("1937", "1953", "1953", "1937", "1865"), PAGE, List.of()));
    }

    @Test
    void anOptionalSupportCheckMayAcceptAnAnswerNotLiterallyInThePassage() {
        QuestionDraft paraphrased = cloze("Fill in the blank: The cycle was described by _____.", "Krebs's team",
                PASSAGE);
        assertEquals(Optional.of(Gate.GROUNDED), new QualityGates(0.6).check(paraphrased, PAGE, List.of()));
        assertEquals(Optional.empty(), new QualityGates(0.6, q -> true).check(paraphrased, PAGE, List.of()));
        assertEquals(Optional.of(Gate.GROUNDED),
                new QualityGates(0.6, q -> false).check(paraphrased, PAGE, List.of()));
        QuestionDraft offPage = cloze("Fill in the blank: _____ was elsewhere.", "Krebs", "Krebs was elsewhere.");
        assertEquals(Optional.of(Gate.GROUNDED), new QualityGates(0.6, q -> true).check(offPage, PAGE, List.of()),
                "the support check never rescues a passage that is not on the page");
    }
}
