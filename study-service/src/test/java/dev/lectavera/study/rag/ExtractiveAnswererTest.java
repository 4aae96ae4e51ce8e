package dev.lectavera.study.rag;

import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Verdict;
import dev.lectavera.study.service.rag.Answers;
import dev.lectavera.study.service.rag.ExtractiveAnswerer;
import dev.lectavera.study.service.rag.GradedPassage;
import dev.lectavera.study.service.rag.Grading;
import dev.lectavera.study.service.rag.Passage;
import dev.lectavera.study.service.rag.PassageGrader;
import dev.lectavera.study.service.rag.Terms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.lectavera.study.rag.Fixtures.PAGE_3;
import static dev.lectavera.study.rag.Fixtures.PAGE_4;
import static dev.lectavera.study.rag.Fixtures.passage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractiveAnswererTest {

    private final PassageGrader grader = new PassageGrader(0.6, 0.34);
    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(3);

    private ExtractiveAnswerer.Draft answer(String question, List<Passage> passages) {
        return answerer.compose(grader.grade(question, passages), Terms.stems(question));
    }

    @Test
    void quotesTheBestSentenceVerbatimWithItsPageAndOffsets() {
        List<Passage> passages = List.of(passage(PAGE_4, 4, 0, 0), passage(PAGE_3, 3, 0, 1));
        ExtractiveAnswerer.Draft draft = answer("What does the mitochondrion produce?", passages);

        assertEquals(1, draft.citations().size(), draft.content());
        Citation citation = draft.citations().getFirst();
        assertEquals(3, citation.page());
        assertEquals(1, citation.marker());
        assertTrue(citation.quote().startsWith("The mitochondrion produces adenosine triphosphate"));
        assertEquals(citation.quote(), PAGE_3.substring(citation.startOffset(), citation.endOffset()));
        // the displayed text has the PDF's line break flattened and the marker appended
        assertTrue(draft.content().contains("energy currency of the cell"), draft.content());
        assertTrue(draft.content().endsWith("[1]"));
    }

    @Test
    void aQuoteFromAPageReadWithLowOcrConfidenceIsMarkedAndSaidSo() {
        Passage scanned = new Passage(Fixtures.DOCUMENT, "Biology notes", 3, 0, PAGE_3.length(), PAGE_3, 0,
                Double.NaN, true);
        ExtractiveAnswerer.Draft draft = answer("What does the mitochondrion produce?", List.of(scanned));

        Citation citation = draft.citations().getFirst();
        assertTrue(citation.lowConfidence());
        assertTrue(draft.content().endsWith("(Page 3 was read from a scan with low confidence: check the quote"
                + " against the page.)"), draft.content());

        ExtractiveAnswerer.Draft clear = answer("What does the mitochondrion produce?",
                List.of(passage(PAGE_3, 3, 0, 0)));
        assertFalse(clear.citations().getFirst().lowConfidence());
        assertFalse(clear.content().contains("scan"), clear.content());
    }

    @Test
    void aFollowUpsOwnWordsWeighMoreThanBorrowedOnes() {
        String condensed = "How is it folded? mitochondrion produce";
        Grading grading = grader.grade(condensed, List.of(passage(PAGE_3, 3, 0, 0)));
        ExtractiveAnswerer.Draft draft = answerer.compose(grading, Terms.stems("How is it folded?"));
        assertTrue(draft.citations().stream().anyMatch(c -> c.quote().contains("cristae")), draft.content());
        // reading order: position in the passage
        List<Integer> starts = draft.citations().stream().map(Citation::startOffset).toList();
        assertEquals(starts.stream().sorted().toList(), starts);
    }

    @Test
    void notFoundSaysSoWithoutCitations() {
        ExtractiveAnswerer.Draft draft = answer("Who won the football world cup in 1998?",
                List.of(passage(PAGE_3, 3, 0, 0)));
        assertEquals(Answers.NOT_FOUND, draft.content());
        assertTrue(draft.citations().isEmpty());
    }

    @Test
    void aPartialMatchIsAnnouncedAsSuch() {
        Grading grading = grader.grade("Where do gametes migrate?", List.of(passage(PAGE_4, 4, 0, 0)));
        assertEquals(Verdict.AMBIGUOUS, grading.verdict());
        ExtractiveAnswerer.Draft draft = answerer.compose(grading, Terms.stems("Where do gametes migrate?"));
        assertTrue(draft.content().startsWith("The selected documents only partly cover this."));
        assertEquals(1, draft.citations().size());
        assertTrue(draft.citations().getFirst().quote().contains("gametes"));
        assertEquals(null, draft.pieces().getFirst().citation());
    }

    @Test
    void overlappingPassagesDoNotRepeatASentence() {
        // the same page twice, as overlapping chunks do
        List<Passage> passages = List.of(passage(PAGE_3, 3, 0, 0), passage(PAGE_3, 3, 19, 1));
        ExtractiveAnswerer.Draft draft = answer("What does the mitochondrion produce?", passages);
        long distinct = draft.citations().stream().map(Citation::startOffset).distinct().count();
        assertEquals(draft.citations().size(), distinct);
        assertEquals(1, draft.citations().size());
    }

    @Test
    void passingMentionsDoNotDiluteAGoodAnswer() {
        ExtractiveAnswerer.Draft draft = answer("What does the mitochondrion produce?",
                List.of(passage(PAGE_3, 3, 0, 0), passage(PAGE_4, 4, 0, 1)));
        assertFalse(draft.content().contains("Meiosis"), draft.content());
    }

    @Test
    void itIsDeterministic() {
        List<Passage> passages = List.of(passage(PAGE_4, 4, 0, 0), passage(PAGE_3, 3, 0, 1));
        String first = answer("membrane of the mitochondrion", passages).content();
        for (int i = 0; i < 5; i++) {
            assertEquals(first, answer("membrane of the mitochondrion", passages).content());
        }
    }

    private static final String GLOBS = "Glob patterns have a weight attribute. The default weight value is 50, and"
            + " the maximum is 100. Weights are used when resolving conflicts with other glob matches.";

    /** The one-sentence offline answer to a question over one passage made of the text. */
    private ExtractiveAnswerer.Draft singleSentence(String question, String text) {
        return new ExtractiveAnswerer(1).compose(grader.grade(question, List.of(passage(text, 4, 0, 0))),
                Terms.stems(question));
    }

    @Test
    void theSentenceStatingTheFactAskedForComesFirst() {
        // every sentence shares two words with the question; only one says the value
        String quote = onlyQuote("What weight does a glob get by default?", GLOBS);
        assertTrue(quote.contains("50"), quote);
    }

    /** The one quote of the one-sentence answer to the question over the text (checked as {@link #onlyCitation}). */
    private String onlyQuote(String question, String text) {
        return onlyCitation(singleSentence(question, text), text).quote();
    }

    /** The draft's one citation, checked to be the source's text at its offsets. */
    private static Citation onlyCitation(ExtractiveAnswerer.Draft draft, String source) {
        assertEquals(1, draft.citations().size(), draft.content());
        Citation citation = draft.citations().getFirst();
        assertEquals(citation.quote(), source.substring(citation.startOffset(), citation.endOffset()));
        return citation;
    }

    @Test
    void aParaphrasedQuestionQuotesTheSentenceInTheDocumentsOwnWords() {
        String text = "Libtasn1 is written in C. The library is distributed under the GNU Lesser General Public"
                + " License version 2.1 or later. The tools are licensed under the GPL.";
        ExtractiveAnswerer.Draft draft = singleSentence("Under which licence is the library itself released?", text);
        assertTrue(draft.content().contains("Lesser General Public License"), draft.content());
    }

    @Test
    void aRareWordOfTheQuestionOutweighsTheSubjectRepeatedEverywhere() {
        // "read" is in two sentences, "comments" in one: the sentence about comments is the one asked for
        String text = "The parser reads schema definitions. The parser reads its input case sensitively. The parser"
                + " accepts comments that begin with two hyphens.";
        ExtractiveAnswerer.Draft draft = singleSentence("How does the parser read comments?", text);
        assertTrue(draft.citations().getFirst().quote().contains("two hyphens"), draft.content());
    }

    @Test
    void aParaphraseQuotesTheSentenceThatStatesTheLimitAskedFor() {
        // the question shares only "label" with the page, as every sentence does: the one stating a value wins
        String text = "Labels are separated by dots. Each label is limited to 63 octets. Labels are compared without"
                + " regard to case.";
        String question = "How long may a single label be before it is refused?";
        PassageGrader calibrated = new PassageGrader(new PassageGrader.Calibration(0.6, 0.34, 1.0, 0.86, 0.5));
        Grading grading = calibrated.grade(question,
                List.of(new Passage(Fixtures.DOCUMENT, "Manual", 11, 0, text.length(), text, 0, 0.8)));
        ExtractiveAnswerer.Draft draft = new ExtractiveAnswerer(1).compose(grading, Terms.stems(question));
        assertEquals(Verdict.AMBIGUOUS, grading.verdict());
        assertEquals(1, draft.citations().size(), draft.content());
        assertTrue(draft.citations().getFirst().quote().contains("63 octets"), draft.content());
    }

    @Test
    void aPassageGradedWellBelowTheBestIsNotQuotedEvenWithMoreOfTheQuestionsWords() {
        String best = "The mitochondrion produces adenosine triphosphate.";
        String wordy = "The membrane of the mitochondrion takes part in what the cell produces, its energy.";
        Set<String> terms = Terms.stems("What energy does the mitochondrion produce for the cell?");
        Grading grading = new Grading(terms, List.of(
                new GradedPassage(new Passage(Fixtures.DOCUMENT, "Biology notes", 3, 0, best.length(), best, 0, 0.9),
                        0.5, 1.15, GradedPassage.Grade.STRONG),
                new GradedPassage(new Passage(Fixtures.DOCUMENT, "Biology notes", 7, 0, wordy.length(), wordy, 1,
                        0.6), 1.0, 1.03, GradedPassage.Grade.STRONG)), Verdict.CORRECT);
        ExtractiveAnswerer.Draft draft = answerer.compose(grading, terms);
        assertEquals(List.of(3), draft.citations().stream().map(Citation::page).toList(), draft.content());
    }

    @Test
    void anIndexLineIsNeverQuotedAndANumberedHeadingGivesWayToTheSentence() {
        // the contents line and the heading hold the question's words as often as the sentence that answers
        String text = "idn2_free . . . . . . . . . . . . . . 9\nidn2_strerror . . . . . . . . . . . 7\n\n"
                + "2.7 Memory handling with idn2_free\n\n"
                + "Call idn2_free on memory the library allocated when the library and the caller use different heaps.";
        ExtractiveAnswerer.Draft draft = answer("When do I need idn2_free for memory?", List.of(passage(text, 9, 0, 0)));
        assertEquals(1, draft.citations().size(), draft.content());
        assertTrue(draft.citations().getFirst().quote().startsWith("Call idn2_free"), draft.content());
    }

    @Test
    void anOptionLineWithoutASentenceEndIsStillQuoted() {
        // option lists and table rows lack a full stop too, but they state the fact asked for
        String text = "asn1Decoding decodes a DER file into a structure.\n\n--strict refuse anything that is not strict DER"
                + "\n\n-v, --version print the version of asn1Decoding";
        ExtractiveAnswerer.Draft draft = singleSentence(
                "Which option makes asn1Decoding refuse anything that is not strict DER?", text);
        assertTrue(draft.content().contains("--strict"), draft.content());
    }

    @Test
    void aSentenceThatOnlyNamesTheSettingIsQuotedWithTheNextOneStatingItsValue() {
        // a manual's layout: the sentence sharing the question's words, then the one with the value asked for
        String text = "How many times the client sends a request to a server before giving up. The default is 3 times."
                + " Other settings are described below.";
        String quote = onlyQuote("How many times is a request sent to a server before the client gives up?", text);
        assertTrue(quote.startsWith("How many times the client sends"), quote);
        assertTrue(quote.endsWith("The default is 3 times."), quote);
    }

    @Test
    void aNextSentenceCutOffByThePassagesEndIsNotAppended() {
        String text = "The client retries a request to a server when it gets no answer. The default is 3 and the"
                + " maximum is";
        ExtractiveAnswerer.Draft draft = singleSentence("How often does the client retry a request to a server?", text);
        assertEquals("The client retries a request to a server when it gets no answer.",
                draft.citations().getFirst().quote(), draft.content());
    }

    @Test
    void aSentenceThatGivesTheConceptItsNameIsQuotedWithTheOneDescribingIt() {
        // R's manual: the description holds the question's words, the next sentence the name asked for
        String text = "In R the free variable bindings are resolved by first looking in the environment in which the"
                + " function was created. This is called lexical scope. First we define a function called cube.";
        String quote = onlyQuote("What kind of scoping resolves the free variables of a function in R?", text);
        assertTrue(quote.endsWith("This is called lexical scope."), quote);
    }

    @Test
    void aFunctionWrittenAsACallIsTheSpecificThingAParaphraseAsksFor() {
        // both sentences hold the same words of the question; only the second names the function asked for
        String text = "Each element of the vector is tested against the condition. The function ifelse(test, yes, no)"
                + " tests the condition for each element of the vector.";
        String quote = onlyQuote("How do I pick between two values element by element over a vector, based on a"
                + " condition?", text);
        assertTrue(quote.contains("ifelse("), quote);
    }
}
