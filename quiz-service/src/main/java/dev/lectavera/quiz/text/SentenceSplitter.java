package dev.lectavera.quiz.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits the text of a page into sentences, keeping each one's offsets in the page. A sentence ends at {@code .},
 * {@code !} or {@code ?} (plus closing quotes or brackets) followed by white space and a capital letter, digit or
 * opening quote, or by the end of the text; and at a blank line (a paragraph break, so a heading never runs into
 * the next sentence). Decimal points, initials ("J. S. Bach") and common abbreviations ("e.g.", "Dr.", "Fig.") do
 * not end a sentence. A single line break inside a sentence is just a space: PDF text is wrapped.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "cf", "vs", "etc", "al", "approx", "ca", "dr", "mr", "mrs", "ms", "prof", "st", "sr", "jr",
            "fig", "figs", "no", "nos", "vol", "p", "pp", "ch", "sec", "eq", "eqs", "ref", "refs", "dept", "univ",
            "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "mt", "ft", "gen", "gov", "col", "lt", "sgt", "capt", "rev", "hon");

    private SentenceSplitter() {
    }

    public static List<Sentence> split(String page) {
        List<Sentence> sentences = new ArrayList<>();
        if (page == null || page.isEmpty()) {
            return sentences;
        }
        int length = page.length();
        int start = -1;
        int i = 0;
        while (i < length) {
            char c = page.charAt(i);
            if (start < 0) {
                if (!Character.isWhitespace(c)) {
                    start = i;
                }
                i++;
                continue;
            }
            if (c == '\n' && isParagraphBreak(page, i)) {
                add(sentences, page, start, i);
                start = -1;
                i++;
                continue;
            }
            if (c == '.' || c == '!' || c == '?') {
                int end = i + 1;
                while (end < length && isClosing(page.charAt(end))) {
                    end++;
                }
                if (c == '.' && end < length && page.charAt(end) == '.') {
                    // an ellipsis: consume it and decide at its last dot
                    i = end;
                    continue;
                }
                if (endsSentence(page, start, i, end)) {
                    add(sentences, page, start, end);
                    start = -1;
                    i = end;
                    continue;
                }
            }
            i++;
        }
        if (start >= 0) {
            add(sentences, page, start, length);
        }
        return sentences;
    }

    private static boolean endsSentence(String page, int start, int mark, int end) {
        int length = page.length();
        if (end >= length) {
            return true;
        }
        if (!Character.isWhitespace(page.charAt(end))) {
            return false; // "3.14", "e.g.x", "U.S.A"
        }
        int next = end;
        while (next < length && Character.isWhitespace(page.charAt(next))) {
            next++;
        }
        if (next >= length) {
            return true;
        }
        char following = page.charAt(next);
        boolean startsLikeSentence = Character.isUpperCase(following) || Character.isDigit(following)
                || following == '"' || following == '\u201C' || following == '\'' || following == '('
                || following == '[' || following == '\u2018';
        if (!startsLikeSentence) {
            return false;
        }
        if (page.charAt(mark) != '.') {
            return true;
        }
        String word = wordBefore(page, start, mark);
        if (word.isEmpty()) {
            return true;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial: "J. S. Bach"
        }
        return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The word right before the dot at {@code mark}, dots inside it kept ("e.g"). */
    private static String wordBefore(String page, int start, int mark) {
        int from = mark;
        while (from > start && (Character.isLetter(page.charAt(from - 1)) || page.charAt(from - 1) == '.')) {
            from--;
        }
        return page.substring(from, mark);
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019';
    }

    /** A line break followed (after optional spaces) by another one. */
    private static boolean isParagraphBreak(String page, int newline) {
        for (int j = newline + 1; j < page.length(); j++) {
            char c = page.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<Sentence> sentences, String page, int start, int end) {
        int trimmedEnd = end;
        while (trimmedEnd > start && Character.isWhitespace(page.charAt(trimmedEnd - 1))) {
            trimmedEnd--;
        }
        if (trimmedEnd > start) {
            sentences.add(new Sentence(TextNormalizer.collapseWhitespace(page.substring(start, trimmedEnd)), start,
                    trimmedEnd));
        }
    }
}
