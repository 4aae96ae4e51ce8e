package dev.lectavera.study.rag;

import dev.lectavera.study.model.Verdict;
import dev.lectavera.study.service.rag.GradedPassage;
import dev.lectavera.study.service.rag.Grading;
import dev.lectavera.study.service.rag.Passage;
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

    // Calibrated as in application.properties: relevance = similarity + 0.5 x term share.
    private final PassageGrader semantic = new PassageGrader(new PassageGrader.Calibration(0.6, 0.34, 1.0, 0.86, 0.5));

    private static final String THREADS = "Thread-safety. No global variables are used and multiple library handles"
            + " and session handles may be used in parallel.";

    private static Passage withSimilarity(String text, int page, int rank, double similarity) {
        return new Passage(Fixtures.DOCUMENT, "Manual", page, 0, text.length(), text, rank, similarity);
    }

    @Test
    void aParaphrasedQuestionCloseInMeaningIsAnsweredWhereItsWordsAloneWouldHesitate() {
        String question = "Can several threads use the library at once?";
        // 2 of 4 terms (thread, library): terms alone make it a partial match
        assertEquals(Verdict.AMBIGUOUS, grader.grade(question, List.of(passage(THREADS, 4, 0, 0))).verdict());

        Grading grading = semantic.grade(question, List.of(withSimilarity(THREADS, 4, 0, 0.80)));
        assertEquals(Verdict.CORRECT, grading.verdict());
        assertEquals(0.5, grading.relevant().getFirst().coverage());
        assertEquals(1.05, grading.relevant().getFirst().relevance(), 1e-9);
    }

    @Test
    void sharedWordsWithoutCloseMeaningAreNotFound() {
        // "library" and "threads" occur, but the passage is not about what is asked
        String question = "How much memory do the library's threads need?";
        assertEquals(Verdict.AMBIGUOUS, grader.grade(question, List.of(passage(THREADS, 4, 0, 0))).verdict());
        assertEquals(Verdict.NOT_FOUND, semantic.grade(question, List.of(withSimilarity(THREADS, 4, 0, 0.55)))
                .verdict());
    }

    @Test
    void noSharedWordIsNeverRelevantHoweverCloseTheMeaning() {
        Grading grading = semantic.grade("Who won the football world cup in 1998?",
                List.of(withSimilarity(PAGE_3, 3, 0, 0.95)));
        assertEquals(Verdict.NOT_FOUND, grading.verdict());
    }

    @Test
    void theCloserPassageComesFirstAmongEqualTermMatches() {
        Grading grading = semantic.grade("mitochondrion membrane",
                List.of(withSimilarity(PAGE_3, 3, 0, 0.70), withSimilarity(PAGE_3.substring(19), 3, 1, 0.85)));
        assertEquals(1, grading.relevant().getFirst().passage().rank());
    }

    @Test
    void aSpellingVariantCountsAsTheQuestionsWord() {
        String license = "The library is distributed under the GNU Lesser General Public License.";
        Grading grading = grader.grade("Under which licence is the library distributed?",
                List.of(passage(license, 4, 0, 0)));
        assertEquals(Verdict.CORRECT, grading.verdict());
        assertEquals(1.0, grading.relevant().getFirst().coverage());
    }

    private static final String LABELS = "Each label of a domain name is limited to 63 octets, and the whole name to"
            + " 255 characters; a longer input is rejected with an error code.";

    @Test
    void aParaphraseSharingOneWordInFourIsAPartialMatchWhenCloseInMeaning() {
        // 1 of 4 terms (label): on terms alone nothing to answer from; close in meaning, a partial match
        String question = "How long may a single label be before it is refused?";
        assertEquals(Verdict.NOT_FOUND, grader.grade(question, List.of(passage(LABELS, 11, 0, 0))).verdict());
        GradedPassage graded = semantic.grade(question, List.of(withSimilarity(LABELS, 11, 0, 0.78))).relevant()
                .getFirst();
        assertEquals(GradedPassage.Grade.WEAK, graded.grade());
        assertEquals(0.78 + 0.5 * 0.25, graded.relevance(), 1e-9);
    }

    @Test
    void anUnrelatedQuestionSharingOnlyTheSubjectIsNotFound() {
        // on topic ("label"), about something the page does not say, and not close in meaning
        Grading grading = semantic.grade("Which emoji may a label contain?",
                List.of(withSimilarity(LABELS, 11, 0, 0.60)));
        assertEquals(Verdict.NOT_FOUND, grading.verdict());
        assertTrue(grading.relevant().isEmpty());
    }

    @Test
    void theRelevanceThresholdsAreInclusive() {
        // values exact in binary, so "at the threshold" is exact
        PassageGrader grader = new PassageGrader(new PassageGrader.Calibration(0.6, 0.34, 1.0, 0.75, 0.5));
        String question = "How long may a label be?"; // 1 of 2 terms: coverage 0.5, adds 0.25
        assertEquals(GradedPassage.Grade.WEAK, grader.grade(question,
                List.of(withSimilarity(LABELS, 11, 0, 0.5))).relevant().getFirst().grade());
        assertEquals(Verdict.NOT_FOUND, grader.grade(question,
                List.of(withSimilarity(LABELS, 11, 0, 0.49))).verdict());
        Grading strong = grader.grade(question, List.of(withSimilarity(LABELS, 11, 0, 0.75)));
        assertEquals(Verdict.CORRECT, strong.verdict());
        assertEquals(1.0, strong.relevant().getFirst().relevance(), 1e-9);
    }

    @Test
    void inconsistentThresholdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PassageGrader(0.3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new PassageGrader(0.6, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PassageGrader(new PassageGrader.Calibration(0.6, 0.34, 0.8, 0.9, 0.5)));
        assertThrows(IllegalArgumentException.class,
                () -> new PassageGrader(new PassageGrader.Calibration(0.6, 0.34, 1.0, 0.8, -1)));
    }
}
