package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.offline.DocumentAnalysis;
import dev.lectavera.quiz.generation.offline.KeyTerm;
import dev.lectavera.quiz.generation.offline.TermKind;
import dev.lectavera.quiz.generation.offline.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyTermExtractorTest {

    private static final UUID DOC = UUID.randomUUID();

    private static Vocabulary vocabulary(String... pages) {
        List<SourcePage> sourcePages = new java.util.ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            sourcePages.add(new SourcePage(DOC, "Test", i + 1, pages[i]));
        }
        return DocumentAnalysis.of(sourcePages).vocabulary();
    }

    private static KeyTerm term(Vocabulary vocabulary, String key) {
        return vocabulary.get(key).orElseThrow(() -> new AssertionError("no key term '" + key + "' in "
                + vocabulary.terms().stream().map(KeyTerm::key).toList()));
    }

    @Test
    void capitalisedMultiWordTermsAreNames() {
        Vocabulary v = vocabulary("The double helix was described by James Watson and Francis Crick in Cambridge.");
        assertEquals(TermKind.NAME, term(v, "james watson").kind());
        assertEquals(TermKind.NAME, term(v, "francis crick").kind());
        assertEquals("James Watson", term(v, "james watson").surface());
        assertEquals(TermKind.NAME, term(v, "cambridge").kind());
    }

    @Test
    void namesMayHoldOfAndLeadingStopWordsAreDropped() {
        Vocabulary v = vocabulary("In 1648 the Peace of Westphalia ended a long war in Central Europe at last.");
        assertEquals(TermKind.NAME, term(v, "peace of westphalia").kind());
        assertEquals(TermKind.NAME, term(v, "central europe").kind());
        assertTrue(v.get("in").isEmpty());
    }

    @Test
    void aWordCapitalisedOnlyBecauseItOpensTheSentenceIsNoName() {
        Vocabulary v = vocabulary("Photosynthesis needs light energy to work well.",
                "Plants use photosynthesis to make sugar from light.");
        KeyTerm photosynthesis = term(v, "photosynthesis");
        assertEquals(TermKind.TERM, photosynthesis.kind());
        assertEquals("photosynthesis", photosynthesis.surface());
    }

    @Test
    void numbersCarryTheirUnitAndYearsAreTheirOwnKind() {
        Vocabulary v = vocabulary("Human body cells carry 46 chromosomes in their nuclei today.",
                "About 70% of the oxygen comes from the sea, said a study in 1998.",
                "A liver cell holds about 2000 mitochondria at any time.");
        KeyTerm chromosomes = term(v, "46");
        assertEquals(TermKind.NUMBER, chromosomes.kind());
        assertEquals("chromosomes", chromosomes.unit());
        assertEquals(46.0, chromosomes.value());
        assertEquals("%", term(v, "70 %").unit());
        assertEquals(TermKind.YEAR, term(v, "1998").kind());
        assertEquals(TermKind.NUMBER, term(v, "2000").kind(), "a count of mitochondria, not a year");
    }

    @Test
    void commonTermsNeedTwoOccurrencesOrADefinition() {
        Vocabulary v = vocabulary(
                "The cell membrane surrounds the cytoplasm of every cell.",
                "The cell membrane controls what enters the cytoplasm.",
                "A ribosome is a small particle that builds proteins.");
        assertEquals(TermKind.TERM, term(v, "cell membrane").kind());
        assertTrue(term(v, "cytoplasm").frequency() >= 2);
        assertTrue(term(v, "ribosome").definitional(), "defined once: still a key term");
        assertTrue(v.get("particle").isEmpty(), "once, undefined: no key term");
        assertTrue(v.get("surrounds").isEmpty());
    }

    @Test
    void singularAndPluralAreOneTermAndModifiersAreNoTerms() {
        Vocabulary v = vocabulary("Cells divide often in young tissue.",
                "Every cell has chemical energy stored inside the cell.",
                "The chemical energy of cells comes from chemical bonds.");
        KeyTerm cell = term(v, "cell");
        assertTrue(cell.frequency() >= 4, "cell and cells counted together: " + cell.frequency());
        assertTrue(v.get("chemical").isEmpty(), "chemical only modifies the next word");
        assertTrue(v.get("chemical energy").isPresent());
    }

    @Test
    void atEqualFrequencyATermOnFewerPagesScoresHigher() {
        Vocabulary v = vocabulary(
                "Glucose is the main fuel of the cell. Glucose comes from the food we eat.",
                "Enzymes speed up chemical reactions in the body.",
                "Enzymes are proteins that act as catalysts in cells.");
        KeyTerm glucose = term(v, "glucose");
        KeyTerm enzyme = term(v, "enzyme");
        assertEquals(glucose.frequency(), enzyme.frequency());
        assertTrue(glucose.score() > enzyme.score(), "glucose: 1 page, enzymes: 2 pages");
        assertTrue(glucose.rank() < enzyme.rank());
    }

    @Test
    void headingOnlyTermsAreDropped() {
        Vocabulary v = vocabulary("Molecular Genetics Overview\n\nGenes carry traits from parents to children.",
                "Genes are made of DNA and sit on chromosomes.");
        assertTrue(v.get("molecular genetics overview").isEmpty());
        assertFalse(v.get("gene").isEmpty());
    }

    @Test
    void occurrencesPreferTheLongestTerm() {
        Vocabulary v = vocabulary(
                "The cell membrane is a thin and flexible layer. The cell membrane keeps the inside of the cell apart.",
                "A cell is the smallest unit of life on earth. A cell can divide into two new cells.");
        var tokens = dev.lectavera.quiz.text.Tokenizer.tokenize("The cell membrane protects the cell.");
        var occurrences = v.occurrences(tokens);
        assertEquals(List.of("cell membrane", "cell"), occurrences.stream().map(o -> o.term().key()).toList());
    }
}
