package dev.lectavera.document.ingest;

/**
 * What a page's text layer looks like, counted while it is read, and whether it is good enough to keep. A page is
 * read by OCR instead when it shows pictures and has no text, or too little text for its area while pictures cover
 * most of it (a scan whose only text is a stamp or a page number), or when most of its glyphs are garbage (no
 * Unicode mapping, replacement or private-use characters: a font whose text cannot be extracted, though it renders).
 * A page with a good text layer is never OCR'd, whatever it shows.
 *
 * @param glyphsShown    non-space glyphs drawn by text operators, with or without a Unicode mapping
 * @param letters        letters and digits among the extracted characters
 * @param garbage        replacement, private-use, unassigned and control characters among them
 * @param otherVisible   the remaining non-space characters (punctuation, symbols)
 * @param pictures       pictures drawn (image XObjects and inline images)
 * @param pictureArea    the area they cover, in square points (overlaps counted twice)
 * @param pageArea       the crop box's area, in square points
 */
public record TextLayer(long glyphsShown, long letters, long garbage, long otherVisible, int pictures,
                        double pictureArea, double pageArea) {

    /** Pictures covering at least this share of the page make a thin text layer suspicious. */
    static final double SCAN_COVERAGE = 0.5;
    /** Above this share of unusable glyphs (no mapping, replacement, private-use), the text layer is garbage. */
    static final double MAX_UNUSABLE_SHARE = 0.5;
    /**
     * Below this share of letters and digits it is garbage too: a broken encoding that maps glyphs to symbols.
     * Formulas and tables stay far above it (about half of a formula's characters are letters and digits).
     */
    static final double MIN_LETTER_SHARE = 0.25;
    /** Too few glyphs to judge their quality: a page number, a heading. */
    static final int MIN_GLYPHS_TO_JUDGE = 20;
    private static final double SQUARE_POINTS_PER_SQUARE_INCH = 72.0 * 72.0;

    /** Characters that carry text (letters, digits, punctuation, symbols). */
    public long visibleChars() {
        return letters + otherVisible;
    }

    /** Glyphs that produced no usable character: no Unicode mapping, or a garbage one. */
    public long unusableGlyphs() {
        return Math.max(0, glyphsShown - visibleChars() - garbage) + garbage;
    }

    public boolean needsOcr(double minCharsPerSquareInch) {
        if (pictures > 0 && visibleChars() == 0) {
            return true;
        }
        double squareInches = pageArea / SQUARE_POINTS_PER_SQUARE_INCH;
        if (pictures > 0 && pictureArea >= SCAN_COVERAGE * pageArea
                && visibleChars() < minCharsPerSquareInch * squareInches) {
            return true;
        }
        long judged = visibleChars() + unusableGlyphs();
        return judged >= MIN_GLYPHS_TO_JUDGE
                && (unusableGlyphs() > MAX_UNUSABLE_SHARE * judged || letters < MIN_LETTER_SHARE * judged);
    }

    /** Counts one page's text layer while it is read. */
    static final class Counter {
        private long glyphsShown;
        private long letters;
        private long garbage;
        private long otherVisible;
        private int pictures;
        private double pictureArea;
        private long spaces;

        /** @return the glyphs shown on the page so far, spaces included */
        long glyphShown() {
            return ++glyphsShown;
        }

        void text(String unicode) {
            if (unicode == null) {
                return;
            }
            unicode.codePoints().forEach(this::character);
        }

        private void character(int c) {
            if (Character.isLetterOrDigit(c)) {
                letters++;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                spaces++;
            } else if (c == 0xFFFD || c == 0xFEFF || (Character.isISOControl(c) && c != '\t' && c != '\n')) {
                garbage++;
            } else {
                switch (Character.getType(c)) {
                    case Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE -> garbage++;
                    case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> spaces++;
                    default -> otherVisible++;
                }
            }
        }

        /** @param area the square points the picture covers (its transformation's determinant) */
        void picture(double area) {
            pictures++;
            pictureArea += Math.abs(area);
        }

        TextLayer page(double pageArea) {
            return new TextLayer(Math.max(0, glyphsShown - spaces), letters, garbage, otherVisible, pictures,
                    pictureArea, pageArea);
        }
    }
}
