package dev.lectavera.quiz.text;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormalizerTest {

    @Test
    void normalizesCaseAccentsPunctuationSpacesAndThousands() {
        assertEquals("cafe creme brulee", TextNormalizer.normalize("  Café, CRÈME-brûlée! "));
        assertEquals("1000000 people", TextNormalizer.normalize("1,000,000 people"));
        assertEquals("3.14 is pi", TextNormalizer.normalize("3.14 is pi."));
        assertEquals("37 % of cells", TextNormalizer.normalize("37% of cells"));
        assertEquals("newtons law", TextNormalizer.normalize("Newton's law"));
    }

    @Test
    void lenientFormDropsArticlesAndPlurals() {
        assertEquals("mitochondrion", TextNormalizer.normalizeLenient("The mitochondrions"));
        assertEquals("cell membrane", TextNormalizer.normalizeLenient("a Cell Membranes"));
        assertEquals("body", TextNormalizer.normalizeLenient("bodies"));
        assertEquals("glass", TextNormalizer.normalizeLenient("glass"));
        assertEquals("virus", TextNormalizer.normalizeLenient("virus"));
    }

    @Test
    void containsWholeTokensOnly() {
        assertTrue(TextNormalizer.occursIn("Krebs cycle", "The Krebs Cycle releases energy."));
        assertFalse(TextNormalizer.occursIn("cell", "Cells divide."));
        assertFalse(TextNormalizer.occursIn("", "anything"));
    }

    @Test
    void jaccardAndEditDistance() {
        assertEquals(0.5, TextNormalizer.jaccard(Set.of("a", "b", "c"), Set.of("b", "c", "d", "a", "e", "f")), 0.01);
        assertEquals(0, TextNormalizer.jaccard(Set.of(), Set.of()));
        assertEquals(1, TextNormalizer.editDistance("photosynthesis", "photosyntesis", 3));
        assertEquals(2, TextNormalizer.editDistance("photosynthesis", "fotosynthesis", 3));
        assertEquals(2, TextNormalizer.editDistance("ribosome", "ribosmoe", 3));
        assertEquals(3, TextNormalizer.editDistance("abc", "xyzabcdef", 2));
    }

    @Test
    void contentTokensLeaveStopWordsOut() {
        assertEquals(Set.of("cell", "membrane", "surrounds", "cytoplasm"),
                TextNormalizer.contentTokens("The cell membrane surrounds the cytoplasm."));
    }
}
