package dev.lectavera.study.service.rag;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words that carry meaning: lower-cased, stop words and question words dropped, lightly stemmed so that
 * "produces", "produced" and "producing" meet. Deterministic; shared by the condenser, the grader and the
 * extractive answerer.
 */
public final class Terms {

    private static final Set<String> STOP_WORDS = Set.of((
            "a about above according after again against all also am an and another any are aren't as at be"
            + " because been before being below between both but by can can't cannot could couldn't define"
            + " describe did didn't do does doesn't doing don't down during each either else etc even every"
            + " explain few for from further give had hasn't has have haven't having he her here hers herself him"
            + " himself his how i if in into is isn't it it's its itself just let list many may me mean meaning"
            + " means might mine more most much must my myself neither no nor not now of off on once one ones only"
            + " or other our ours ourselves out over own page pages passage passages please same shall she should"
            + " shouldn't so some such tell text than that that's the their theirs them themselves then there"
            + " there's these they this those through to too under until up upon us very was wasn't we were"
            + " weren't what what's when where where's whether which while who who's whom whose why will with"
            + " within without won't would wouldn't yes yet you your yours yourself document documents").split(" "));

    /** Words that point back to something said before: their presence makes a short question a follow-up. */
    private static final Set<String> ANAPHORS = Set.of("it", "its", "it's", "they", "them", "their", "this",
            "that", "these", "those", "he", "she", "him", "her", "his", "there", "one", "ones", "former", "latter",
            "same", "such", "also", "else");

    private static final int MIN_FAMILY_PREFIX = 5;

    private Terms() {
    }

    /** The surface words of a text in order, lower-cased (letters, digits and inner apostrophes). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'');
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c)
                    || (c == '\'' && !current.isEmpty() && i + 1 < normalized.length()
                    && Character.isLetter(normalized.charAt(i + 1)))) {
                current.append(c);
            } else if (!current.isEmpty()) {
                words.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            words.add(current.toString());
        }
        return words;
    }

    /** Meaningful words of a text, in order of first appearance, unstemmed (for display and rewriting). */
    public static List<String> contentWords(String text) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String word : words(text)) {
            if (isContent(word)) {
                kept.add(word);
            }
        }
        return List.copyOf(kept);
    }

    /** Stems of the meaningful words of a text. */
    public static Set<String> stems(String text) {
        LinkedHashSet<String> stems = new LinkedHashSet<>();
        for (String word : words(text)) {
            if (isContent(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    public static boolean isContent(String word) {
        if (STOP_WORDS.contains(word)) {
            return false;
        }
        String bare = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        return bare.length() >= 2 || Character.isDigit(bare.charAt(0));
    }

    public static boolean hasAnaphor(String text) {
        for (String word : words(text)) {
            if (ANAPHORS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Share of the question's terms found in a text's stems, a term counting when the text has it or a variant of it
     * (see {@link #related}).
     */
    public static double coverage(Set<String> questionTerms, Set<String> textStems) {
        if (questionTerms.isEmpty()) {
            return 0;
        }
        long matched = questionTerms.stream().filter(term -> contains(textStems, term)).count();
        return (double) matched / questionTerms.size();
    }

    /** Whether the stems hold the term or a variant of it. */
    public static boolean contains(Set<String> stems, String term) {
        if (stems.contains(term)) {
            return true;
        }
        for (String stem : stems) {
            if (related(stem, term)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two stems of one word family that the suffix stripper leaves apart: "licence" and "license", "register" and
     * "registration", "verify" and "verification" — they share all but the last two letters of the shorter one, and
     * at least five. Digits must match exactly ("md5" is not "md4").
     */
    public static boolean related(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(a.length(), b.length());
        if (shorter < MIN_FAMILY_PREFIX) {
            return false;
        }
        int common = 0;
        while (common < shorter && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= Math.max(MIN_FAMILY_PREFIX, shorter - 2) && noDigit(a, common) && noDigit(b, common);
    }

    private static boolean noDigit(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A light suffix stripper: plural, -ing, -ed, then a final -e, so inflections of one word meet. */
    public static String stem(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
                && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
