package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.text.StopWords;
import dev.lectavera.quiz.text.TextNormalizer;
import dev.lectavera.quiz.text.Token;
import dev.lectavera.quiz.text.Tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a document's key terms:
 * <ul>
 *     <li>names: runs of capitalised words (inner "of", "de", "von"... allowed), leading stop words dropped; a lone
 *     capitalised word that opens a sentence counts only if the document also capitalises it mid-sentence;
 *     acronyms;</li>
 *     <li>numbers with the word after them as unit ("206 bones", "3.5 km", "37%"), and years;</li>
 *     <li>common terms: words and phrases of up to three non-stop words (no adverbs in -ly, no participles in -ed),
 *     counted by their singular, that occur at least twice, or that a definitional sentence ("X is a ...") defines;
 *     a single word must mostly stand on its own (not modify the next word: "chemical energy"), a phrase must at
 *     least once start after a stop word or punctuation (so "cells carry" of "blood cells carry" is no term);</li>
 * </ul>
 * scored tf-idf-like across the document's pages: (1 + ln tf) · ln(1 + pages / pages-with-term), boosted for names,
 * phrases and defined terms. A phrase's shorter part that never occurs outside it is dropped.
 */
public final class KeyTermExtractor {

    /** Lower-case words allowed inside a name: "Treaty of Westphalia", "Leonardo da Vinci". */
    private static final Set<String> NAME_CONNECTORS = Set.of("of", "de", "du", "la", "le", "von", "van", "der",
            "del", "da", "di", "den", "y");
    /** Units a number may carry, also when they are stop words ("12 years"). */
    private static final Set<String> UNITS = Set.of("km", "m", "cm", "mm", "nm", "µm", "kg", "g", "mg", "t", "l", "ml",
            "s", "ms", "min", "h", "hz", "khz", "mhz", "ghz", "k", "v", "w", "kw", "mw", "gw", "j", "kj", "cal", "kcal",
            "mol", "pa", "kpa", "atm", "bar", "db", "percent", "degrees", "years", "year", "days", "day", "hours",
            "minutes", "seconds", "months", "weeks", "centuries", "times", "million", "billion", "thousand",
            "kilometres", "kilometers", "metres", "meters", "miles", "kilograms", "grams", "tonnes", "litres",
            "liters", "volts", "watts", "joules", "calories", "bits", "bytes", "kb", "mb", "gb", "tb");
    /** Units that make a four-digit number a quantity, not a year. */
    private static final Set<String> QUANTITY_UNITS = Set.of("km", "m", "cm", "mm", "kg", "g", "mg", "ml", "l", "hz",
            "khz", "mhz", "v", "w", "kw", "j", "kj", "cal", "kcal", "percent", "metres", "meters", "miles",
            "kilometres", "kilometers", "kilograms", "grams", "tonnes", "litres", "liters", "volts", "watts",
            "joules", "calories", "degrees", "bits", "bytes");
    /** Words before a four-digit number that make it a year even with a word after it ("in 1953 Watson"). */
    private static final Set<String> YEAR_CONTEXT = Set.of("in", "since", "by", "until", "till", "from", "during",
            "before", "after", "around", "circa", "year", "of");
    private static final Pattern DEFINITION = Pattern.compile(
            "^(?:(?:The|A|An)\\s+)?([\\p{L}][\\p{L}\\p{N}\\- ]{1,60}?)\\s+(?:is|are|refers to|means|denotes)\\s+"
                    + "(?:defined as\\s+)?(?:a|an|the)\\s+\\S");
    private static final int MAX_PHRASE = 3;
    private static final int MAX_TERMS = 4000;

    private KeyTermExtractor() {
    }

    public static Vocabulary extract(List<AnalyzedPage> pages) {
        Set<String> capitalizedMidSentence = new HashSet<>();
        for (AnalyzedPage page : pages) {
            for (AnalyzedSentence sentence : page.sentences()) {
                List<Token> tokens = sentence.tokens();
                for (int i = 1; i < tokens.size(); i++) {
                    if (tokens.get(i).capitalized()) {
                        capitalizedMidSentence.add(tokens.get(i).normalized());
                    }
                }
            }
        }
        Map<String, Stats> stats = new TreeMap<>();
        for (AnalyzedPage page : pages) {
            int pageNumber = page.source().page();
            for (AnalyzedSentence sentence : page.sentences()) {
                collect(sentence, pageNumber, capitalizedMidSentence, stats);
            }
        }
        return rank(stats, pages.size());
    }

    private static void collect(AnalyzedSentence sentence, int page, Set<String> capitalizedMid,
                                Map<String, Stats> stats) {
        List<Token> tokens = sentence.tokens();
        String text = sentence.text();
        boolean[] inName = new boolean[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            int end = nameEnd(tokens, i, capitalizedMid);
            if (end > i) {
                List<String> keys = new ArrayList<>();
                for (int k = i; k < end; k++) {
                    keys.add(tokens.get(k).normalized());
                    inName[k] = true;
                }
                String surface = text.substring(tokens.get(i).start(), tokens.get(end - 1).end());
                record(stats, keys, surface, TermKind.NAME, null, null, page, sentence.usable());
                i = end;
            } else {
                i++;
            }
        }
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.number()) {
                collectNumber(tokens, k, page, sentence.usable(), stats);
            }
        }
        int k = 0;
        while (k < tokens.size()) {
            if (inName[k] || !isContentWord(tokens.get(k), k, capitalizedMid)) {
                k++;
                continue;
            }
            int runEnd = k + 1;
            while (runEnd < tokens.size() && !inName[runEnd] && !tokens.get(runEnd).breakBefore()
                    && isContentWord(tokens.get(runEnd), runEnd, capitalizedMid)) {
                runEnd++;
            }
            for (int from = k; from < runEnd; from++) {
                for (int to = from + 1; to <= Math.min(runEnd, from + MAX_PHRASE); to++) {
                    List<String> keys = new ArrayList<>();
                    for (int t = from; t < to; t++) {
                        keys.add(termKey(tokens.get(t)));
                    }
                    String surface = text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
                    if (from == 0) {
                        surface = surface.substring(0, 1).toLowerCase(Locale.ROOT) + surface.substring(1);
                    }
                    Stats recorded = record(stats, keys, surface, TermKind.TERM, null, null, page, sentence.usable());
                    if (recorded != null && to - from == 1 && to < runEnd) {
                        recorded.modifierUses++;
                    }
                    if (recorded != null && from == k) {
                        recorded.leftBounded++;
                    }
                }
            }
            k = runEnd;
        }
        Matcher definition = DEFINITION.matcher(text);
        if (definition.find()) {
            String subject = definition.group(1).strip();
            List<Token> subjectTokens = Tokenizer.tokenize(subject);
            List<String> words = subjectTokens.stream().map(Token::normalized).toList();
            List<String> termWords = subjectTokens.stream().map(KeyTermExtractor::termKey).toList();
            String key = String.join(" ", words);
            Stats subjectStats = stats.get(key);
            if (subjectStats == null) {
                subjectStats = stats.get(String.join(" ", termWords));
            }
            boolean allContent = !words.isEmpty() && words.size() <= 4
                    && subjectTokens.stream().noneMatch(t -> t.number() || StopWords.isStopWord(t.text()));
            if (allContent && subjectStats == null) {
                // a mixed-case term ("Krebs cycle") that neither the name nor the common-word pass saw whole
                boolean name = !subjectTokens.isEmpty() && subjectTokens.getFirst().capitalized()
                        && (subjectTokens.getFirst().acronym()
                        || capitalizedMid.contains(subjectTokens.getFirst().normalized()));
                String surface = name ? subject
                        : subject.substring(0, 1).toLowerCase(Locale.ROOT) + subject.substring(1);
                subjectStats = record(stats, name ? words : termWords, surface, name ? TermKind.NAME : TermKind.TERM,
                        null, null, page, sentence.usable());
            }
            if (subjectStats != null && allContent) {
                subjectStats.definitional = true;
            }
        }
    }

    /** End (exclusive) of a name starting at {@code i}, or {@code i} if none starts there. */
    private static int nameEnd(List<Token> tokens, int i, Set<String> capitalizedMid) {
        Token first = tokens.get(i);
        if (!first.capitalized() || StopWords.isStopWord(first.text())) {
            return i;
        }
        int end = i + 1;
        while (end < tokens.size()) {
            Token next = tokens.get(end);
            if (next.breakBefore()) {
                break;
            }
            if (next.capitalized() && !StopWords.isStopWord(next.text())) {
                end++;
            } else if (NAME_CONNECTORS.contains(next.text()) && end + 1 < tokens.size()
                    && tokens.get(end + 1).capitalized() && !tokens.get(end + 1).breakBefore()
                    && !StopWords.isStopWord(tokens.get(end + 1).text())) {
                end += 2;
            } else {
                break;
            }
        }
        if (end - i == 1 && i == 0 && !first.acronym() && !capitalizedMid.contains(first.normalized())) {
            return i; // "Photosynthesis is..." opens the sentence: capitalised by position only
        }
        return end;
    }

    private static boolean isContentWord(Token token, int index, Set<String> capitalizedMid) {
        if (token.number()) {
            return false;
        }
        String word = token.text();
        if (word.length() < 3 || StopWords.isStopWord(word)) {
            return false;
        }
        for (int c = 0; c < word.length(); c++) {
            char ch = word.charAt(c);
            if (!Character.isLetter(ch) && ch != '-') {
                return false;
            }
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ly") || lower.endsWith("ed")) {
            return false;
        }
        if (Character.isUpperCase(word.charAt(0))) {
            // only a sentence's first word, capitalised by position, can be a common word
            return index == 0 && !token.acronym() && !capitalizedMid.contains(token.normalized());
        }
        return true;
    }

    /** Common terms are counted by their singular: "cell" and "cells" are one term. */
    static String termKey(Token token) {
        return TextNormalizer.singular(token.normalized());
    }

    private static void collectNumber(List<Token> tokens, int k, int page, boolean usable, Map<String, Stats> stats) {
        Token token = tokens.get(k);
        String digits = token.text().replace(",", "");
        boolean percent = digits.endsWith("%");
        if (percent) {
            digits = digits.substring(0, digits.length() - 1);
        }
        double value;
        try {
            value = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return;
        }
        String unit = null;
        if (percent) {
            unit = "%";
        } else if (k + 1 < tokens.size() && !tokens.get(k + 1).breakBefore() && !tokens.get(k + 1).number()) {
            Token nextToken = tokens.get(k + 1);
            String next = nextToken.text().toLowerCase(Locale.ROOT);
            if (next.equals("percent") || next.equals("per") && k + 2 < tokens.size()
                    && tokens.get(k + 2).text().equalsIgnoreCase("cent")) {
                unit = "%";
            } else if (UNITS.contains(next) && (!nextToken.capitalized() || next.length() <= 3)) {
                unit = next;
            } else if (!nextToken.capitalized() && !StopWords.isStopWord(next) && next.length() >= 3
                    && next.chars().allMatch(Character::isLetter)) {
                unit = next; // a counted noun: "46 chromosomes"
            }
        }
        boolean integer = !digits.contains(".");
        String before = k > 0 && !token.breakBefore() ? tokens.get(k - 1).text().toLowerCase(Locale.ROOT) : "";
        boolean year = !percent && integer && digits.length() == 4 && value >= 1000 && value <= 2100
                && (unit == null || (YEAR_CONTEXT.contains(before) && !QUANTITY_UNITS.contains(unit)));
        if (year) {
            record(stats, List.of(token.normalized()), token.text(), TermKind.YEAR, null, value, page, usable);
        } else if (unit != null || !integer || value >= 10) {
            record(stats, List.of(token.normalized()), token.text(), TermKind.NUMBER, unit, value, page, usable);
        }
    }

    private static Stats record(Map<String, Stats> stats, List<String> keys, String surface, TermKind kind,
                                String unit, Double value, int page, boolean usable) {
        String key = String.join(" ", keys);
        if (key.isBlank()) {
            return null;
        }
        Stats s = stats.computeIfAbsent(key, k -> new Stats(keys));
        s.frequency++;
        if (usable) {
            s.inStatements++;
        }
        s.pages.add(page);
        s.surfaces.merge(surface, 1, Integer::sum);
        s.kinds.merge(kind, 1, Integer::sum);
        if (unit != null) {
            s.units.merge(unit, 1, Integer::sum);
        }
        if (value != null) {
            s.value = value;
        }
        return s;
    }

    private static Vocabulary rank(Map<String, Stats> stats, int pageCount) {
        // a shorter common phrase that never occurs outside a longer one is not a term of its own
        Set<String> subsumed = new HashSet<>();
        for (Stats longer : stats.values()) {
            if (longer.tokens.size() < 2 || longer.kind() != TermKind.TERM) {
                continue;
            }
            for (int from = 0; from < longer.tokens.size(); from++) {
                for (int to = from + 1; to <= longer.tokens.size(); to++) {
                    if (to - from == longer.tokens.size()) {
                        continue;
                    }
                    String part = String.join(" ", longer.tokens.subList(from, to));
                    Stats shorter = stats.get(part);
                    if (shorter != null && shorter.kind() == TermKind.TERM && shorter.frequency <= longer.frequency
                            && keep(longer)) {
                        subsumed.add(part);
                    }
                }
            }
        }
        List<KeyTerm> terms = new ArrayList<>();
        for (Map.Entry<String, Stats> entry : stats.entrySet()) {
            Stats s = entry.getValue();
            if (subsumed.contains(entry.getKey()) || !keep(s)) {
                continue;
            }
            TermKind kind = s.kind();
            double idf = Math.log(1.0 + (double) pageCount / s.pages.size());
            double score = (1 + Math.log(s.frequency)) * idf;
            score *= switch (kind) {
                case NAME -> 1.3;
                case NUMBER, YEAR -> 0.8;
                case TERM -> 1.0;
            };
            score *= 1 + 0.25 * (s.tokens.size() - 1);
            if (s.definitional) {
                score *= 1.5;
            }
            terms.add(new KeyTerm(entry.getKey(), s.surface(), s.tokens, kind, s.unit(), s.value, s.frequency,
                    s.pages.size(), score, 0, s.definitional));
        }
        terms.sort(Comparator.comparingDouble(KeyTerm::score).reversed().thenComparing(KeyTerm::key));
        if (terms.size() > MAX_TERMS) {
            terms = new ArrayList<>(terms.subList(0, MAX_TERMS));
        }
        List<KeyTerm> ranked = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            ranked.add(terms.get(i).withRank(terms.size() == 1 ? 0 : (double) i / (terms.size() - 1)));
        }
        return new Vocabulary(ranked);
    }

    /**
     * Kept: terms that occur in at least one full statement (not only in headings); common terms that occur twice
     * or are defined, and, for a single word, that mostly stand as a noun rather than modify the next word (so
     * "chemical" of "chemical energy" is not a term, "cell" of "the cell" and "cell membrane" is).
     */
    private static boolean keep(Stats s) {
        if (s.inStatements == 0) {
            return false;
        }
        return switch (s.kind()) {
            case NAME, NUMBER, YEAR -> true;
            case TERM -> s.definitional || (s.frequency >= 2 && (s.tokens.size() > 1
                    ? s.leftBounded > 0 : s.modifierUses * 2 <= s.frequency));
        };
    }

    /** Counts for one candidate term while the document is read. */
    private static final class Stats {
        final List<String> tokens;
        final Map<String, Integer> surfaces = new TreeMap<>();
        final Map<TermKind, Integer> kinds = new TreeMap<>();
        final Map<String, Integer> units = new TreeMap<>();
        final Set<Integer> pages = new TreeSet<>();
        int frequency;
        int inStatements;
        int modifierUses;
        /** Occurrences where a phrase starts a run of content words (after "the", a preposition, punctuation). */
        int leftBounded;
        Double value;
        boolean definitional;

        Stats(List<String> tokens) {
            this.tokens = List.copyOf(tokens);
        }

        TermKind kind() {
            return mostFrequent(kinds);
        }

        String surface() {
            return mostFrequent(surfaces);
        }

        String unit() {
            return units.isEmpty() ? null : mostFrequent(units);
        }

        private static <K> K mostFrequent(Map<K, Integer> counts) {
            K best = null;
            int bestCount = -1;
            for (Map.Entry<K, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best;
        }
    }
}
