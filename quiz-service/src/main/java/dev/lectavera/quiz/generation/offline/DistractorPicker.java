package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Chooses wrong answers (multiple-choice distractors, true/false swaps) among the documents' other key terms of the
 * same kind, closest shape first: for numbers the same unit, then any unit (a percentage only ever with
 * percentages); for names the same shape (acronym, one word, several words), then any name; for common terms the
 * same number of words, then any. In each tier the answer's own document comes first, then the other selected
 * documents. Within a tier the order follows the difficulty:
 * easy takes the most prominent terms (clearly different), medium terms of similar weight, hard the closest ones
 * (similar spelling and length, nearby values). Never a term equal to, containing or contained in the answer or
 * another pick.
 */
public final class DistractorPicker {

    private final Map<UUID, Vocabulary> vocabularies;
    /** Candidates per answer, document and difficulty: one generation asks for the same answer many times. */
    private final Map<String, List<KeyTerm>> ordered = new HashMap<>();

    /** @param vocabularies by document, in request order */
    public DistractorPicker(Map<UUID, Vocabulary> vocabularies) {
        this.vocabularies = new LinkedHashMap<>(vocabularies);
    }

    /**
     * @param acceptable further conditions from the question builder (e.g. the swapped sentence is not in the
     *                   document)
     * @return up to {@code n} terms, fewer when the documents do not have enough
     */
    public List<KeyTerm> pick(KeyTerm answer, UUID documentId, Difficulty difficulty, int n,
                              Predicate<KeyTerm> acceptable) {
        List<KeyTerm> picked = new ArrayList<>();
        for (KeyTerm term : candidates(answer, documentId, difficulty)) {
            if (picked.size() == n) {
                break;
            }
            if (!overlapsAny(term, answer, picked) && acceptable.test(term)) {
                picked.add(term);
            }
        }
        return picked;
    }

    /**
     * Every term that may stand in for the answer, best first: tier by tier, own document first, each run sorted for
     * the difficulty. Computed once per answer (a generation asks for the same answer's distractors many times).
     */
    private List<KeyTerm> candidates(KeyTerm answer, UUID documentId, Difficulty difficulty) {
        return ordered.computeIfAbsent(answer.key() + '|' + documentId + '|' + difficulty, k -> {
            List<KeyTerm> all = new ArrayList<>();
            Set<String> seenKeys = new HashSet<>();
            seenKeys.add(answer.key());
            for (boolean strict : new boolean[]{true, false}) {
                if (!strict && answer.kind() == TermKind.YEAR) {
                    break;
                }
                for (Map.Entry<UUID, Vocabulary> entry : orderedVocabularies(documentId)) {
                    List<KeyTerm> tier = new ArrayList<>();
                    for (KeyTerm term : entry.getValue().terms()) {
                        if (!seenKeys.contains(term.key()) && compatible(answer, term, strict)) {
                            tier.add(term);
                            seenKeys.add(term.key());
                        }
                    }
                    sort(tier, answer, difficulty);
                    all.addAll(tier);
                }
            }
            return all;
        });
    }

    private List<Map.Entry<UUID, Vocabulary>> orderedVocabularies(UUID documentId) {
        List<Map.Entry<UUID, Vocabulary>> ordered = new ArrayList<>();
        for (Map.Entry<UUID, Vocabulary> entry : vocabularies.entrySet()) {
            if (entry.getKey().equals(documentId)) {
                ordered.addFirst(entry);
            } else {
                ordered.add(entry);
            }
        }
        return ordered;
    }

    /** Same kind; with {@code strict}, also the same shape (unit, name shape, word count). */
    static boolean compatible(KeyTerm answer, KeyTerm candidate, boolean strict) {
        if (answer.kind() != candidate.kind()) {
            return false;
        }
        return switch (answer.kind()) {
            case YEAR -> true;
            case NUMBER -> answer.isPercent() == candidate.isPercent()
                    && (!strict || Objects.equals(singularUnit(answer.unit()), singularUnit(candidate.unit())));
            case NAME -> !strict || nameShape(answer) == nameShape(candidate);
            case TERM -> !strict || answer.tokens().size() == candidate.tokens().size();
        };
    }

    /** 0: an acronym, 1: one word, 2: several words. */
    private static int nameShape(KeyTerm name) {
        if (name.tokens().size() > 1) {
            return 2;
        }
        String surface = name.surface();
        return surface.length() > 1 && surface.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
                ? 0 : 1;
    }

    private static String singularUnit(String unit) {
        return unit == null ? null : TextNormalizer.normalizeLenient(unit);
    }

    private static boolean overlapsAny(KeyTerm term, KeyTerm answer, List<KeyTerm> picked) {
        String candidate = TextNormalizer.normalize(term.surface());
        if (overlaps(candidate, TextNormalizer.normalize(answer.surface()))) {
            return true;
        }
        for (KeyTerm other : picked) {
            if (overlaps(candidate, TextNormalizer.normalize(other.surface()))) {
                return true;
            }
        }
        return false;
    }

    /** One contains the other, compared leniently (articles dropped, plurals singular). */
    private static boolean overlaps(String a, String b) {
        String x = TextNormalizer.normalizeLenient(a);
        String y = TextNormalizer.normalizeLenient(b);
        return x.isEmpty() || y.isEmpty() || TextNormalizer.containsTokens(x, y) || TextNormalizer.containsTokens(y, x);
    }

    private static void sort(List<KeyTerm> tier, KeyTerm answer, Difficulty difficulty) {
        Comparator<KeyTerm> byKey = Comparator.comparing(KeyTerm::key);
        switch (difficulty) {
            case EASY -> tier.sort(Comparator.comparingDouble(KeyTerm::rank).thenComparing(byKey));
            case MEDIUM -> tier.sort(Comparator.comparingDouble((KeyTerm t) -> Math.abs(t.rank() - answer.rank()))
                    .thenComparing(byKey));
            case HARD -> {
                Map<String, Double> closeness = new HashMap<>();
                tier.forEach(t -> closeness.put(t.key(), closeness(answer, t)));
                tier.sort(Comparator.comparingDouble((KeyTerm t) -> -closeness.get(t.key()))
                        .thenComparingDouble(t -> Math.abs(t.rank() - answer.rank()))
                        .thenComparing(byKey));
            }
        }
    }

    /** How easily a term can be mistaken for the answer: spelling, length and, for numbers, value. */
    static double closeness(KeyTerm answer, KeyTerm other) {
        double score = dice(answer.key(), other.key());
        if (answer.tokens().size() == other.tokens().size()) {
            score += 0.3;
        }
        if (answer.value() != null && other.value() != null && answer.value() > 0 && other.value() > 0) {
            score += 1.0 / (1.0 + Math.abs(Math.log(answer.value() / other.value())) * 5);
        }
        return score;
    }

    /** Dice coefficient of character bigrams. */
    static double dice(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return a.equals(b) ? 1 : 0;
        }
        Map<String, Integer> bigrams = new LinkedHashMap<>();
        for (int i = 0; i + 2 <= a.length(); i++) {
            bigrams.merge(a.substring(i, i + 2), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i + 2 <= b.length(); i++) {
            String bigram = b.substring(i, i + 2);
            Integer left = bigrams.get(bigram);
            if (left != null && left > 0) {
                common++;
                bigrams.put(bigram, left - 1);
            }
        }
        return 2.0 * common / (a.length() - 1 + b.length() - 1);
    }
}
