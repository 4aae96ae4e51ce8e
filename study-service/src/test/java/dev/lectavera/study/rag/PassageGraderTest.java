package dev.lectavera.study.rag;

import dev.lectavera.study.model.Verdict;
import dev.lectavera.study.service.rag.GradedPassage;
import dev.lectavera.study.service.rag.Grading;
import dev.lectavera.study.service.rag.PassageGrader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lectavera.study.rag.Fixtures.PAGE_3;
import static dev.lectavera.study.rag.Fixtures.PAGE_4;
import static dev.lectavera.study.rag.Fixtures.passage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageGraderTest {

    private final PassageGrader grader = new PassageGrader(0.6, 0.34);

    @Test
    void aPassageWithTheQuestionsTermsIsGoodAndComesFirstWhateverTheSearchOrder() {
        Grading grading = grader.grade("What does the mitochondrion produce?",
                List.of(passage(PAGE_4, 4, 0, 0), passage(PAGE_3, 3, 0, 1)));
        assertEquals(Verdict.CORRECT, grading.verdict());
        assertEquals(3, grading.relevant().getFirst().passage().page());
        assertEquals(GradedPassage.Grade.STRONG, grading.relevant().getFirst().grade());
        assertEquals(1.0, grading.relevant().getFirst().coverage());
    }

    @Test
    void nothingRelevantIsNotFound() {
        Grading grading = grader.grade("Who won the football world cup in 1998?",
                List.of(passage(PAGE_3, 3, 0, 0), passage(PAGE_4, 4, 0, 1)));
        assertEquals(Verdict.NOT_FOUND, grading.verdict());
        assertTrue(grading.relevant().isEmpty());
    }

    @Test
    void onlyPartialMatchesAreAmbiguous() {
        // 1 of 2 terms: coverage 0.5, between the thresholds
        Grading grading = grader.grade("Where do gametes migrate?", List.of(passage(PAGE_4, 4, 0, 0)));
        assertEquals(Verdict.AMBIGUOUS, grading.verdict());
        assertEquals(GradedPassage.Grade.WEAK, grading.relevant().getFirst().grade());
    }

    @Test
    void aPassingMentionIsIrrelevant() {
        // 1 of 5 terms: below the weak threshold
        Grading grading = grader.grade("Which football club won the cell cup?", List.of(passage(PAGE_4, 4, 0, 0)));
        assertEquals(Verdict.NOT_FOUND, grading.verdict());
    }

    @Test
    void equalCoverageKeepsTheSearchOrder() {
        Grading grading = grader.grade("membrane", List.of(passage(PAGE_3, 3, 0, 0), passage(PAGE_3, 3, 19, 1)));
        assertEquals(0, grading.relevant().get(0).passage().rank());
        assertEquals(1, grading.relevant().get(1).passage().rank());
    }

    @Test
    void aQuestionOfOnlyStopWordsFindsNothing() {
        assertEquals(Verdict.NOT_FOUND, grader.grade("what is it?", List.of(passage(PAGE_3, 3, 0, 0))).verdict());
    }

    @Test
    void inconsistentThresholdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PassageGrader(0.3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new PassageGrader(0.6, 0));
    }
}
