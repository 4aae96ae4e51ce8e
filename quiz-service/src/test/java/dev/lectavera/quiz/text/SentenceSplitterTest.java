package dev.lectavera.quiz.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {

    private static List<String> texts(String page) {
        return SentenceSplitter.split(page).stream().map(Sentence::text).toList();
    }

    @Test
    void splitsAtFullStopsQuestionAndExclamationMarks() {
        assertEquals(List.of("The cell is small.", "Is it alive?", "Yes!", "It divides."),
                texts("The cell is small. Is it alive? Yes! It divides."));
    }

    @Test
    void wrappedLinesJoinWithOneSpaceAndOffsetsPointIntoThePage() {
        String page = "The cell membrane is a thin\nlayer that surrounds the cytoplasm.  Next one here.";
        List<Sentence> sentences = SentenceSplitter.split(page);
        assertEquals(2, sentences.size());
        Sentence first = sentences.getFirst();
        assertEquals("The cell membrane is a thin layer that surrounds the cytoplasm.", first.text());
        assertEquals(0, first.start());
        assertEquals(page.indexOf("cytoplasm.") + "cytoplasm.".length(), first.end());
        Sentence second = sentences.get(1);
        assertEquals("Next one here.", page.substring(second.start(), second.end()));
    }

    @Test
    void decimalsInitialsAndAbbreviationsDoNotEndASentence() {
        assertEquals(List.of("Pi is about 3.14 in value.", "J. S. Bach wrote it, e.g. the Mass in B minor.",
                        "Dr. Smith agrees with Fig. 2 here."),
                texts("Pi is about 3.14 in value. J. S. Bach wrote it, e.g. the Mass in B minor. Dr. Smith agrees "
                        + "with Fig. 2 here."));
    }

    @Test
    void aBlankLineEndsAHeadingOrParagraph() {
        assertEquals(List.of("Cell Biology", "The cell is the unit of life."),
                texts("Cell Biology\n\nThe cell is the unit of life."));
    }

    @Test
    void aLowerCaseWordAfterAFullStopDoesNotStartASentence() {
        assertEquals(List.of("The value is approx. twelve units in total."),
                texts("The value is approx. twelve units in total."));
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertEquals(List.of("He said \"stop.\"", "Then he left."), texts("He said \"stop.\" Then he left."));
    }

    @Test
    void statementsAndWordCounts() {
        Sentence statement = SentenceSplitter.split("Mitochondria produce ATP for the cell.").getFirst();
        assertTrue(statement.isStatement());
        assertEquals(6, statement.wordCount());
        assertFalse(SentenceSplitter.split("Why do cells divide?").getFirst().isStatement());
        assertFalse(SentenceSplitter.split("Cell Biology").getFirst().isStatement());
        assertTrue(SentenceSplitter.split("").isEmpty());
    }
}
