package dev.lectavera.quiz.grading;

import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grades an answer by rule:
 * <ul>
 *     <li>multiple choice and true/false: exact (the chosen option's text, or true/false; case and surrounding
 *     spaces aside);</li>
 *     <li>fill in the blank and short answer, leniently: equal after normalisation (case, accents, punctuation,
 *     articles, white space, simple plurals); numbers compared by value (a missing unit is fine, a different one is
 *     not; "37%" = "37 percent"); otherwise a small edit distance for longer answers (1 from 5 characters, 2 from
 *     12).</li>
 * </ul>
 */
public final class AnswerGrader {

    private static final Pattern NUMBER =
            Pattern.compile("^(\\d+(?:\\.\\d+)?)(?: (%|percent|per cent))?(?: ([a-z]+))?$");

    private AnswerGrader() {
    }

    public static Grade grade(QuestionType type, String expected, String given) {
        if (given == null || given.isBlank()) {
            return new Grade(false, Grade.UNANSWERED);
        }
        if (type.isChoice()) {
            return new Grade(given.strip().equalsIgnoreCase(expected.strip()), Grade.EXACT);
        }
        return new Grade(lenientMatch(expected, given), Grade.LENIENT);
    }

    static boolean lenientMatch(String expected, String given) {
        String want = TextNormalizer.normalizeLenient(expected);
        String got = TextNormalizer.normalizeLenient(given);
        if (want.isEmpty() || got.isEmpty()) {
            return false;
        }
        if (want.equals(got)) {
            return true;
        }
        Optional<Quantity> wantNumber = Quantity.parse(TextNormalizer.normalize(expected));
        if (wantNumber.isPresent()) {
            Optional<Quantity> gotNumber = Quantity.parse(TextNormalizer.normalize(given));
            return gotNumber.isPresent() && wantNumber.get().matches(gotNumber.get());
        }
        int allowed = want.length() >= 12 ? 2 : want.length() >= 5 ? 1 : 0;
        return allowed > 0 && TextNormalizer.editDistance(want, got, allowed) <= allowed;
    }

    /** A number with an optional unit, from normalised text ("37 %", "3.5 km", "1000"). */
    record Quantity(double value, boolean percent, String unit) {

        static Optional<Quantity> parse(String normalized) {
            Matcher m = NUMBER.matcher(normalized);
            if (!m.matches()) {
                return Optional.empty();
            }
            String unit = m.group(3);
            boolean percent = m.group(2) != null;
            return Optional.of(new Quantity(Double.parseDouble(m.group(1)), percent,
                    unit == null ? null : TextNormalizer.normalizeLenient(unit).toLowerCase(Locale.ROOT)));
        }

        /** Same value; the given answer may leave the unit (or percent sign) out, but not name another. */
        boolean matches(Quantity given) {
            boolean sameValue = Math.abs(value - given.value) <= 1e-9 * Math.max(1, Math.abs(value));
            boolean percentOk = !given.percent || percent;
            boolean unitOk = given.unit == null || given.unit.equals(unit);
            return sameValue && percentOk && unitOk;
        }
    }
}
