package dev.lectavera.document.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * British spellings of a query with their American forms added ("licence" → "licence license"), for the keyword
 * ranking: PostgreSQL's English stemmer leaves the two apart, and a student writes one while the manual uses the
 * other. A form no chunk holds changes no chunk's score, so a variant that is not a word costs nothing.
 */
public final class SpellingVariants {

    private record Rule(Pattern british, String american) {
    }

    private static final Rule[] RULES = {
            new Rule(Pattern.compile("(?<=\\w{2}n)ce(s?)$"), "se$1"),                  // licence, defence
            new Rule(Pattern.compile("(?<=\\w{3})our(s|ed|ing)?$"), "or$1"),           // behaviour, colours
            new Rule(Pattern.compile("(?<=\\w{3})is(e|es|ed|ing|ation|ations)$"), "iz$1"), // organise, serialisation
            new Rule(Pattern.compile("(?<=\\w{2})ys(e|es|ed|ing)$"), "yz$1"),          // analyse
            new Rule(Pattern.compile("(?<=\\w{3})tre(s?)$"), "ter$1"),                  // centre
            new Rule(Pattern.compile("(?<=\\w{3})ogue(s?)$"), "og$1"),                  // catalogue
    };

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private SpellingVariants() {
    }

    /** The query followed by the American form of each of its words that has a British spelling, if any. */
    public static String expand(String query) {
        Set<String> variants = new LinkedHashSet<>();
        var words = WORD.matcher(query);
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            for (Rule rule : RULES) {
                var british = rule.british().matcher(word);
                if (british.find()) {
                    variants.add(british.replaceFirst(rule.american()));
                }
            }
        }
        return variants.isEmpty() ? query : query + " " + String.join(" ", variants);
    }
}
