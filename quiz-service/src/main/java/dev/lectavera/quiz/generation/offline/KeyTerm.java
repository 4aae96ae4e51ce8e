package dev.lectavera.quiz.generation.offline;

import java.util.List;

/**
 * A key term of one document.
 *
 * @param key           the normalised form, unique in the document
 * @param surface       how the document writes it most often
 * @param tokens        the normalised tokens, matched against sentences
 * @param unit          numbers: the unit or counted noun after it ("%", "km", "bones"), else null
 * @param value         numbers and years: the value, else null
 * @param frequency     occurrences in the document
 * @param pageFrequency pages it occurs on
 * @param score         tf-idf-like weight: (1 + ln tf) · ln(1 + pages / pageFrequency), boosted for names,
 *                      phrases and defined terms
 * @param rank          0 for the highest score of the document up to 1 for the lowest
 * @param definitional  the subject of a sentence like "X is a ..."
 */
public record KeyTerm(String key, String surface, List<String> tokens, TermKind kind, String unit, Double value,
                      int frequency, int pageFrequency, double score, double rank, boolean definitional) {

    public KeyTerm {
        tokens = List.copyOf(tokens);
    }

    public KeyTerm withRank(double newRank) {
        return new KeyTerm(key, surface, tokens, kind, unit, value, frequency, pageFrequency, score, newRank,
                definitional);
    }

    public boolean isPercent() {
        return "%".equals(unit);
    }
}
