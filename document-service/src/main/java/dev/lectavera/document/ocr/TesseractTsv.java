package dev.lectavera.document.ocr;

/**
 * Reads Tesseract's {@code tsv} output (one row per page, block, paragraph, line and word:
 * {@code level page_num block_num par_num line_num word_num left top width height conf text}) into page text and
 * a mean confidence. Only word rows (level 5) carry text; block and paragraph changes become paragraph breaks.
 */
public final class TesseractTsv {

    private static final int WORD_LEVEL = 5;
    private static final int COLUMNS = 12;

    private TesseractTsv() {
    }

    public static OcrResult parse(String tsv) {
        StringBuilder text = new StringBuilder();
        double weightedConfidence = 0;
        long confidenceChars = 0;
        int words = 0;
        String lastParagraph = null;
        String lastLine = null;
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < COLUMNS || !isInteger(cells[0]) || Integer.parseInt(cells[0]) != WORD_LEVEL) {
                continue; // the header, structure rows and anything unexpected
            }
            String word = cells[COLUMNS - 1].strip();
            if (word.isEmpty()) {
                continue;
            }
            String paragraph = cells[1] + '/' + cells[2] + '/' + cells[3];
            String line = paragraph + '/' + cells[4];
            if (lastParagraph != null && !paragraph.equals(lastParagraph)) {
                text.append("\n\n");
            } else if (lastLine != null && !line.equals(lastLine)) {
                text.append('\n');
            } else if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word);
            lastParagraph = paragraph;
            lastLine = line;
            words++;
            double confidence = confidence(cells[10]);
            if (confidence >= 0) {
                // weighted by length: a long word read badly matters more than a misread comma
                weightedConfidence += confidence * word.length();
                confidenceChars += word.length();
            }
        }
        return new OcrResult(text.toString(), confidenceChars == 0 ? null : weightedConfidence / confidenceChars,
                words);
    }

    private static double confidence(String cell) {
        try {
            return Math.min(100, Double.parseDouble(cell.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isInteger(String cell) {
        if (cell.isEmpty() || cell.length() > 9) {
            return false;
        }
        for (int i = 0; i < cell.length(); i++) {
            if (!Character.isDigit(cell.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
