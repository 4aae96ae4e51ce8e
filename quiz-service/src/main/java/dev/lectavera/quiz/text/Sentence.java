package dev.lectavera.quiz.text;

/**
 * One sentence of a page.
 *
 * @param text  the sentence with every run of white space (line breaks included) collapsed to one space
 * @param start offset of its first character in the page text
 * @param end   offset just after its last character in the page text
 */
public record Sentence(String text, int start, int end) {

    /** Ends like a statement (a full stop or an exclamation mark), not a heading, fragment or question. */
    public boolean isStatement() {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith(".\"") || text.endsWith(".\u201D")
                || text.endsWith(".)");
    }

    public int wordCount() {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letterOrDigit = Character.isLetterOrDigit(text.charAt(i));
            if (letterOrDigit && !inWord) {
                words++;
            }
            inWord = letterOrDigit || (inWord && (text.charAt(i) == '\'' || text.charAt(i) == '-'));
        }
        return words;
    }
}
