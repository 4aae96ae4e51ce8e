package dev.lectavera.quiz.text;

/**
 * A word or number of a sentence.
 *
 * @param text        as written (a possessive "'s" left out)
 * @param start       offset in the sentence text
 * @param end         offset just after it
 * @param number      digits, maybe with decimal or thousands separators and a trailing %
 * @param breakBefore punctuation (not just a space) separates it from the previous token
 * @param normalized  {@link TextNormalizer#normalize} of the text, computed once
 */
public record Token(String text, int start, int end, boolean number, boolean breakBefore, String normalized) {

    public Token(String text, int start, int end, boolean number, boolean breakBefore) {
        this(text, start, end, number, breakBefore, TextNormalizer.normalize(text));
    }

    public boolean capitalized() {
        return !number && Character.isUpperCase(text.charAt(0));
    }

    /** DNA, ATP, NATO: two to six capitals. */
    public boolean acronym() {
        if (number || text.length() < 2 || text.length() > 6) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isUpperCase(text.charAt(i)) && !Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
