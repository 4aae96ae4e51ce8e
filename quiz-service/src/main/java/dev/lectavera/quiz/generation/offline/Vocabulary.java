package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.text.TextNormalizer;
import dev.lectavera.quiz.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A document's key terms, best first, and where they occur in a sentence. */
public final class Vocabulary {

    private static final Comparator<KeyTerm> LONGEST_FIRST = Comparator
            .comparingInt((KeyTerm t) -> t.tokens().size()).reversed().thenComparing(KeyTerm::key);

    private final List<KeyTerm> ranked;
    private final Map<String, KeyTerm> byKey = new HashMap<>();
    /** Terms by their first token, longest first: occurrence matching is longest-match. */
    private final Map<String, List<KeyTerm>> byFirstToken = new HashMap<>();

    public Vocabulary(List<KeyTerm> ranked) {
        this.ranked = List.copyOf(ranked);
        for (KeyTerm term : ranked) {
            byKey.put(term.key(), term);
            byFirstToken.computeIfAbsent(term.tokens().getFirst(), k -> new ArrayList<>()).add(term);
        }
        for (List<KeyTerm> terms : byFirstToken.values()) {
            terms.sort(LONGEST_FIRST);
        }
    }

    /** Best (highest score) first. */
    public List<KeyTerm> terms() {
        return ranked;
    }

    public Optional<KeyTerm> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public int size() {
        return ranked.size();
    }

    /**
     * Key terms in a sentence, left to right, the longest term winning where terms overlap; common terms match in
     * singular or plural.
     */
    public List<TermOccurrence> occurrences(List<Token> tokens) {
        List<TermOccurrence> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String plain = tokens.get(i).normalized();
            String singular = TextNormalizer.singular(plain);
            List<KeyTerm> candidates = new ArrayList<>(byFirstToken.getOrDefault(plain, List.of()));
            if (!singular.equals(plain)) {
                candidates.addAll(byFirstToken.getOrDefault(singular, List.of()));
                candidates.sort(LONGEST_FIRST);
            }
            KeyTerm match = null;
            for (KeyTerm term : candidates) {
                if (matches(term, tokens, i)) {
                    match = term;
                    break;
                }
            }
            if (match == null) {
                i++;
            } else {
                int last = i + match.tokens().size() - 1;
                found.add(new TermOccurrence(match, tokens.get(i).start(), tokens.get(last).end()));
                i = last + 1;
            }
        }
        return found;
    }

    private static boolean matches(KeyTerm term, List<Token> tokens, int from) {
        List<String> keys = term.tokens();
        if (from + keys.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < keys.size(); k++) {
            Token token = tokens.get(from + k);
            String form = term.kind() == TermKind.TERM ? TextNormalizer.singular(token.normalized())
                    : token.normalized();
            if ((k > 0 && token.breakBefore()) || !form.equals(keys.get(k))) {
                return false;
            }
        }
        return true;
    }
}
