package dev.lectavera.quiz.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The comparable form of a text, used by the quality gates ("is the answer in the passage?", "are two questions the
 * same?") and by grading: accents stripped, lower case, punctuation dropped, digits grouped by thousands joined,
 * single spaces.
 */
public final class TextNormalizer {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private TextNormalizer() {
    }

    /**
     * One pass over the text: accents stripped (NFKD, marks dropped), lower case, apostrophes dropped ("Newton's" →
     * "newtons"), thousands separators inside numbers dropped ("1,000" → "1000"), a dot kept only between digits,
     * "%" a token of its own, every other run of non-letters and non-digits one space.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                s = stripMarks(Normalizer.normalize(s, Normalizer.Form.NFKD));
                break;
            }
        }
        s = s.toLowerCase(Locale.ROOT);
        int length = s.length();
        StringBuilder out = new StringBuilder(length);
        boolean space = false;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            } else if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00B4') {
                // dropped: the letters around it join
            } else if ((c == ',' || c == '\u00A0' || c == '\u202F') && thousandsSeparator(s, i)) {
                // dropped: "1,000" is 1000
            } else if (c == '.' && i > 0 && i + 1 < length && Character.isDigit(s.charAt(i - 1))
                    && Character.isDigit(s.charAt(i + 1))) {
                out.append('.');
            } else if (c == '%') {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append('%');
                space = true;
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    private static boolean thousandsSeparator(String s, int i) {
        if (i == 0 || i + 3 >= s.length() || !Character.isDigit(s.charAt(i - 1))) {
            return false;
        }
        for (int k = 1; k <= 3; k++) {
            if (!Character.isDigit(s.charAt(i + k))) {
                return false;
            }
        }
        return i + 4 >= s.length() || !Character.isDigit(s.charAt(i + 4));
    }

    private static String stripMarks(String decomposed) {
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static List<String> tokens(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /**
     * The grading form: {@link #normalize} plus no articles and a naive singular of every word ("the mitochondria"
     * and "Mitochondrias" compare equal; a plural is accepted for a singular and back).
     */
    public static String normalizeLenient(String text) {
        List<String> out = new ArrayList<>();
        for (String token : tokens(text)) {
            if (!ARTICLES.contains(token)) {
                out.add(singular(token));
            }
        }
        return String.join(" ", out);
    }

    /** A naive singular of one normalised word ("cells" → "cell", "bodies" → "body"); short words stay. */
    public static String singular(String token) {
        if (token.length() <= 3 || !Character.isLetter(token.charAt(token.length() - 1))) {
            return token;
        }
        if (token.endsWith("ies") && token.length() > 4) {
            return token.substring(0, token.length() - 3) + "y";
        }
        if (token.endsWith("sses") || token.endsWith("xes") || token.endsWith("ches") || token.endsWith("shes")) {
            return token.substring(0, token.length() - 2);
        }
        if (token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us") && !token.endsWith("is")) {
            return token.substring(0, token.length() - 1);
        }
        return token;
    }

    /** Whether {@code needle} occurs in {@code haystack} as whole tokens, both already normalised. */
    public static boolean containsTokens(String normalizedHaystack, String normalizedNeedle) {
        if (normalizedNeedle.isEmpty()) {
            return false;
        }
        return (" " + normalizedHaystack + " ").contains(" " + normalizedNeedle + " ");
    }

    /** Whether {@code needle} occurs in {@code haystack} as whole tokens, after normalising both. */
    public static boolean occursIn(String needle, String haystack) {
        return containsTokens(normalize(haystack), normalize(needle));
    }

    /** Distinct normalised tokens, minus stop words: what two texts are compared on. */
    public static Set<String> contentTokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String token : tokens(text)) {
            if (!StopWords.isStopWord(token)) {
                out.add(token);
            }
        }
        return out;
    }

    /** |a ∩ b| / |a ∪ b|; 0 for two empty sets. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String token : a) {
            if (b.contains(token)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    /** Collapses every run of white space (line breaks included) into one space. */
    public static String collapseWhitespace(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Levenshtein distance, stopping early once it exceeds {@code limit} (returns limit + 1 then). */
    public static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
