package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.text.StopWords;
import dev.lectavera.quiz.text.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers as key-term candidates: a number with the word after it as unit ("206 bones", "3.5 km", "37%"), a
 * four-digit number that reads as a year, or any other number that is not a small bare integer.
 */
final class NumberTerms {

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

    private NumberTerms() {
    }

    /** Records the number token at {@code k} in {@code candidates} when it is a quantity or a year. */
    static void collect(List<Token> tokens, int k, int page, boolean inStatement, TermCandidates candidates) {
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
        String unit = percent ? "%" : unitAfter(tokens, k);
        boolean integer = !digits.contains(".");
        String before = k > 0 && !token.breakBefore() ? tokens.get(k - 1).text().toLowerCase(Locale.ROOT) : "";
        boolean year = !percent && integer && digits.length() == 4 && value >= 1000 && value <= 2100
                && (unit == null || (YEAR_CONTEXT.contains(before) && !QUANTITY_UNITS.contains(unit)));
        if (year) {
            candidates.record(List.of(token.normalized()), token.text(), TermKind.YEAR, null, value, page,
                    inStatement);
        } else if (unit != null || !integer || value >= 10) {
            candidates.record(List.of(token.normalized()), token.text(), TermKind.NUMBER, unit, value, page,
                    inStatement);
        }
    }

    /** The unit or counted noun right after the number at {@code k} ("per cent" is "%"), or null. */
    private static String unitAfter(List<Token> tokens, int k) {
        if (k + 1 >= tokens.size() || tokens.get(k + 1).breakBefore() || tokens.get(k + 1).number()) {
            return null;
        }
        Token nextToken = tokens.get(k + 1);
        String next = nextToken.text().toLowerCase(Locale.ROOT);
        if (next.equals("percent") || next.equals("per") && k + 2 < tokens.size()
                && tokens.get(k + 2).text().equalsIgnoreCase("cent")) {
            return "%";
        }
        if (UNITS.contains(next) && (!nextToken.capitalized() || next.length() <= 3)) {
            return next;
        }
        if (!nextToken.capitalized() && !StopWords.isStopWord(next) && next.length() >= 3
                && next.chars().allMatch(Character::isLetter)) {
            return next; // a counted noun: "46 chromosomes"
        }
        return null;
    }
}
