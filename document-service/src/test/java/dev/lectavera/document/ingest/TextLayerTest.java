package dev.lectavera.document.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pages are read by OCR: decided from what the text layer holds and what the page shows. */
class TextLayerTest {

    /** An A4 page, in square points. */
    private static final double A4 = 595.0 * 842.0;
    private static final double MIN_DENSITY = 2;

    private static TextLayer page(String text, int pictures, double pictureArea) {
        TextLayer.Counter counter = new TextLayer.Counter();
        text.codePoints().forEach(c -> counter.glyphShown());
        counter.text(text);
        for (int i = 0; i < pictures; i++) {
            counter.picture(pictureArea / pictures);
        }
        return counter.page(A4);
    }

    @Test
    void aPictureWithoutTextIsReadByOcr() {
        assertTrue(page("", 1, A4).needsOcr(MIN_DENSITY));
        assertTrue(page("", 1, A4 / 20).needsOcr(MIN_DENSITY), "a small picture too: nothing else to read");
    }

    @Test
    void aScanWhoseOnlyTextIsAStampIsReadByOcr() {
        assertTrue(page("Scanned by ACME 2024 - page 3", 1, A4 * 0.98).needsOcr(MIN_DENSITY));
    }

    @Test
    void aGoodTextPageIsNeverReadByOcrWhateverItShows() {
        String text = "Mitochondria produce ATP through oxidative phosphorylation. ".repeat(40);
        assertFalse(page(text, 0, 0).needsOcr(MIN_DENSITY));
        assertFalse(page(text, 2, A4).needsOcr(MIN_DENSITY), "a full-page figure behind real text");
        assertFalse(page("Figure 3: the cell. " + "A caption that explains the figure. ".repeat(6), 1, A4 * 0.7)
                .needsOcr(MIN_DENSITY), "a figure with a caption long enough for its page");
    }

    @Test
    void aPageWithoutPicturesOrTextIsNotRead() {
        assertFalse(page("", 0, 0).needsOcr(MIN_DENSITY));
        assertFalse(page("12", 0, 0).needsOcr(MIN_DENSITY), "a page number alone");
    }

    @Test
    void garbageGlyphsAreReadByOcr() {
        assertTrue(page("\uE001\uE002\uE003 \uE004\uE005\uE006\uE007 ".repeat(10), 0, 0).needsOcr(MIN_DENSITY),
                "private-use characters: a font without a Unicode mapping");
        assertTrue(page("\uFFFD\uFFFD\uFFFD ab ".repeat(10), 0, 0).needsOcr(MIN_DENSITY), "replacement characters");
        TextLayer.Counter unmapped = new TextLayer.Counter();
        for (int i = 0; i < 500; i++) {
            unmapped.glyphShown(); // drawn, never mapped to Unicode: nothing reaches the text
        }
        unmapped.text("Page 1");
        assertTrue(unmapped.page(A4).needsOcr(MIN_DENSITY), "glyphs without any Unicode mapping");
    }

    @Test
    void punctuationAndFormulasAreNotGarbage() {
        assertFalse(page("f(x) = 3x + 2, g(x) = x^2 - 1; (a + b)^2 = a^2 + 2ab + b^2. ".repeat(10), 0, 0)
                .needsOcr(MIN_DENSITY));
        assertFalse(page("Ελληνικά κείμενα και русский текст остаются текстом. ".repeat(10), 0, 0)
                .needsOcr(MIN_DENSITY));
    }
}
