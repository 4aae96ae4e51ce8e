package dev.lectavera.quiz.generation.offline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts for one candidate key term while a document is read ({@link TermCandidates}); {@link TermRanking} decides
 * from them whether it is a key term and how much it weighs.
 */
final class CandidateTerm {

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

    CandidateTerm(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** One more occurrence, written as {@code surface} on {@code page}. */
    void occurred(String surface, TermKind kind, String unit, Double value, int page, boolean inStatement) {
        frequency++;
        if (inStatement) {
            inStatements++;
        }
        pages.add(page);
        surfaces.merge(surface, 1, Integer::sum);
        kinds.merge(kind, 1, Integer::sum);
        if (unit != null) {
            units.merge(unit, 1, Integer::sum);
        }
        if (value != null) {
            this.value = value;
        }
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
