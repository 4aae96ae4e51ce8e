package dev.lectavera.quiz.grading;

import dev.lectavera.quiz.generation.QuestionType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerGraderTest {

    private static boolean typed(String expected, String given) {
        return AnswerGrader.grade(QuestionType.SHORT_ANSWER, expected, given).correct();
    }

    @Test
    void choicesAreGradedExactly() {
        assertEquals(new Grade(true, Grade.EXACT), AnswerGrader.grade(QuestionType.MULTIPLE_CHOICE, "Krebs cycle",
                " krebs cycle "));
        assertFalse(AnswerGrader.grade(QuestionType.MULTIPLE_CHOICE, "Krebs cycle", "Krebs cycles").correct(),
                "no leniency for a choice");
        assertTrue(AnswerGrader.grade(QuestionType.TRUE_FALSE, "false", "False").correct());
        assertFalse(AnswerGrader.grade(QuestionType.TRUE_FALSE, "false", "true").correct());
        assertFalse(AnswerGrader.grade(QuestionType.TRUE_FALSE, "false", "no").correct());
    }

    @Test
    void missingAnswersAreUnanswered() {
        assertEquals(new Grade(false, Grade.UNANSWERED), AnswerGrader.grade(QuestionType.FILL_IN_BLANK, "x", null));
        assertEquals(new Grade(false, Grade.UNANSWERED), AnswerGrader.grade(QuestionType.TRUE_FALSE, "true", "  "));
    }

    @Test
    void typedAnswersIgnoreCaseAccentsPunctuationArticlesSpacesAndPlurals() {
        assertTrue(typed("Photosynthesis", "photosynthesis"));
        assertTrue(typed("the cell membrane", "Cell  membrane."));
        assertTrue(typed("Mitochondria", "the mitochondria"));
        assertTrue(typed("ribosome", "Ribosomes"));
        assertTrue(typed("Café", "cafe"));
        assertTrue(typed("Hans Krebs", "Hans-Krebs"));
        assertEquals(Grade.LENIENT, AnswerGrader.grade(QuestionType.FILL_IN_BLANK, "a", "a").method());
    }

    @Test
    void longerAnswersTolerateASmallTypo() {
        assertTrue(typed("photosynthesis", "photosyntesis"), "one letter missing");
        assertTrue(typed("endoplasmic reticulum", "endoplasmic reticulm"));
        assertTrue(typed("endoplasmic reticulum", "endoplasmc reticulm"), "two edits from 12 characters");
        assertFalse(typed("endoplasmic reticulum", "golgi apparatus"));
        assertFalse(typed("DNA", "RNA"), "short answers must be exact");
        assertFalse(typed("cell", "call"));
    }

    @Test
    void numbersAreComparedByValue() {
        assertTrue(typed("1,000", "1000"));
        assertTrue(typed("3.50", "3.5"));
        assertTrue(typed("37%", "37 percent"));
        assertTrue(typed("37%", "37"), "the unit may be left out");
        assertTrue(typed("46 chromosomes", "46"));
        assertFalse(typed("46 chromosomes", "46 genes"), "not another unit");
        assertFalse(typed("1937", "1938"), "no typo tolerance for numbers");
        assertFalse(typed("1937", "nineteen"));
    }
}
