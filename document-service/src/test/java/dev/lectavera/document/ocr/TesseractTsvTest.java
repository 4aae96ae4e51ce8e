package dev.lectavera.document.ocr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TesseractTsvTest {

    private static final String HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
            + "\theight\tconf\ttext\n";

    private static String word(int block, int par, int line, int word, String conf, String text) {
        return "5\t1\t" + block + "\t" + par + "\t" + line + "\t" + word + "\t10\t10\t40\t12\t" + conf + "\t" + text
                + "\n";
    }

    @Test
    void wordsBecomeLinesAndParagraphsWithACharacterWeightedConfidence() {
        String tsv = HEADER
                + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
                + "4\t1\t1\t1\t1\t0\t10\t10\t400\t12\t-1\t\n"
                + word(1, 1, 1, 1, "90.000000", "Cells")
                + word(1, 1, 1, 2, "90", "are")
                + word(1, 1, 2, 1, "90", "small.")
                + word(1, 2, 1, 1, "40.5", "It")
                + word(2, 1, 1, 1, "-1", " ")
                + word(2, 1, 1, 2, "100", "Mitochondria");
        OcrResult result = TesseractTsv.parse(tsv);
        assertEquals("Cells are\nsmall.\n\nIt\n\nMitochondria", result.text());
        assertEquals(5, result.words());
        // (90*5 + 90*3 + 90*6 + 40.5*2 + 100*12) / 28
        assertEquals((90.0 * 14 + 40.5 * 2 + 100 * 12) / 28, result.meanConfidence(), 1e-9);
    }

    @Test
    void aPageWithoutWordsHasNoTextAndNoConfidence() {
        OcrResult result = TesseractTsv.parse(HEADER + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n");
        assertEquals("", result.text());
        assertEquals(0, result.words());
        assertNull(result.meanConfidence());
    }

    @Test
    void junkRowsAreSkipped() {
        OcrResult result = TesseractTsv.parse("garbage\n5\tx\n" + word(1, 1, 1, 1, "abc", "word"));
        assertEquals("word", result.text());
        assertNull(result.meanConfidence());
    }
}
