package dev.lectavera.quiz.generation.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which candidates are key terms and how much each weighs: tf-idf-like across the document's pages,
 * (1 + ln tf) · ln(1 + pages / pages-with-term), boosted for names, phrases and defined terms. A common term must
 * occur at least twice or be defined; a single word must mostly stand on its own (not modify the next word:
 * "chemical energy"), a phrase must at least once start after a stop word or punctuation (so "cells carry" of
 * "blood cells carry" is no term). A phrase's shorter part that never occurs outside it is dropped.
 */
final class TermRanking {

    private static final int MAX_TERMS = 4000;

    private TermRanking() {
    }

    /**
     * @param candidates by key, in key order (see {@link TermCandidates#find})
     * @param pageCount  the document's pages
     */
    static Vocabulary rank(Map<String, CandidateTerm> candidates, int pageCount) {
        Set<String> subsumed = subsumed(candidates);
        List<KeyTerm> terms = new ArrayList<>();
        for (Map.Entry<String, CandidateTerm> entry : candidates.entrySet()) {
            CandidateTerm c = entry.getValue();
            if (subsumed.contains(entry.getKey()) || !keep(c)) {
                continue;
            }
            terms.add(new KeyTerm(entry.getKey(), c.surface(), c.tokens, c.kind(), c.unit(), c.value, c.frequency,
                    c.pages.size(), score(c, pageCount), 0, c.definitional));
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

    /** A shorter common phrase that never occurs outside a longer one is not a term of its own. */
    private static Set<String> subsumed(Map<String, CandidateTerm> candidates) {
        Set<String> subsumed = new HashSet<>();
        for (CandidateTerm longer : candidates.values()) {
            if (longer.tokens.size() < 2 || longer.kind() != TermKind.TERM) {
                continue;
            }
            for (int from = 0; from < longer.tokens.size(); from++) {
                for (int to = from + 1; to <= longer.tokens.size(); to++) {
                    if (to - from == longer.tokens.size()) {
                        continue;
                    }
                    String part = String.join(" ", longer.tokens.subList(from, to));
                    CandidateTerm shorter = candidates.get(part);
                    if (shorter != null && shorter.kind() == TermKind.TERM && shorter.frequency <= longer.frequency
                            && keep(longer)) {
                        subsumed.add(part);
                    }
                }
            }
        }
        return subsumed;
    }

    private static double score(CandidateTerm c, int pageCount) {
        double idf = Math.log(1.0 + (double) pageCount / c.pages.size());
        double score = (1 + Math.log(c.frequency)) * idf;
        score *= switch (c.kind()) {
            case NAME -> 1.3;
            case NUMBER, YEAR -> 0.8;
            case TERM -> 1.0;
        };
        score *= 1 + 0.25 * (c.tokens.size() - 1);
        if (c.definitional) {
            score *= 1.5;
        }
        return score;
    }

    /**
     * Kept: terms that occur in at least one full statement (not only in headings); common terms that occur twice
     * or are defined, and, for a single word, that mostly stand as a noun rather than modify the next word (so
     * "chemical" of "chemical energy" is not a term, "cell" of "the cell" and "cell membrane" is).
     */
    private static boolean keep(CandidateTerm c) {
        if (c.inStatements == 0) {
            return false;
        }
        return switch (c.kind()) {
            case NAME, NUMBER, YEAR -> true;
            case TERM -> c.definitional || (c.frequency >= 2 && (c.tokens.size() > 1
                    ? c.leftBounded > 0 : c.modifierUses * 2 <= c.frequency));
        };
    }
}
