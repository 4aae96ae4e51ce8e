package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.text.StopWords;
import dev.lectavera.quiz.text.TextNormalizer;
import dev.lectavera.quiz.text.Token;
import dev.lectavera.quiz.text.Tokenizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every candidate key term of a document, counted sentence by sentence:
 * <ul>
 *     <li>names: runs of capitalised words (inner "of", "de", "von"... allowed), leading stop words dropped; a lone
 *     capitalised word that opens a sentence counts only if the document also capitalises it mid-sentence;
 *     acronyms;</li>
 *     <li>numbers with the word after them as unit, and years ({@link NumberTerms});</li>
 *     <li>common terms: words and phrases of up to three non-stop words (no adverbs in -ly, no participles in -ed),
 *     counted by their singular; whether one stands on its own or modifies the next word, and whether a phrase
 *     starts after a stop word or punctuation, is counted for {@link TermRanking};</li>
 *     <li>the subject of a definitional sentence ("X is a ...").</li>
 * </ul>
 */
final class TermCandidates {

    /** Lower-case words allowed inside a name: "Treaty of Westphalia", "Leonardo da Vinci". */
    private static final Set<String> NAME_CONNECTORS = Set.of("of", "de", "du", "la", "le", "von", "van", "der",
            "del", "da", "di", "den", "y");
    private static final Pattern DEFINITION = Pattern.compile(
            "^(?:(?:The|A|An)\\s+)?([\\p{L}][\\p{L}\\p{N}\\- ]{1,60}?)\\s+(?:is|are|refers to|means|denotes)\\s+"
                    + "(?:defined as\\s+)?(?:a|an|the)\\s+\\S");
    private static final int MAX_PHRASE = 3;

    /** Words the document capitalises somewhere other than at the start of a sentence. */
    private final Set<String> capitalizedMid;
    /** By key, sorted: the ranking reads them in one fixed order, so equal input gives equal output. */
    private final Map<String, CandidateTerm> candidates = new TreeMap<>();

    private TermCandidates(Set<String> capitalizedMid) {
        this.capitalizedMid = capitalizedMid;
    }

    /** @return the candidates by key, in key order */
    static Map<String, CandidateTerm> find(List<AnalyzedPage> pages) {
        TermCandidates found = new TermCandidates(capitalizedMidSentence(pages));
        for (AnalyzedPage page : pages) {
            int pageNumber = page.source().page();
            for (AnalyzedSentence sentence : page.sentences()) {
                found.collect(sentence, pageNumber);
            }
        }
        return found.candidates;
    }

    private static Set<String> capitalizedMidSentence(List<AnalyzedPage> pages) {
        Set<String> capitalized = new HashSet<>();
        for (AnalyzedPage page : pages) {
            for (AnalyzedSentence sentence : page.sentences()) {
                List<Token> tokens = sentence.tokens();
                for (int i = 1; i < tokens.size(); i++) {
                    if (tokens.get(i).capitalized()) {
                        capitalized.add(tokens.get(i).normalized());
                    }
                }
            }
        }
        return capitalized;
    }

    private void collect(AnalyzedSentence sentence, int page) {
        boolean[] inName = collectNames(sentence, page);
        List<Token> tokens = sentence.tokens();
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).number()) {
                NumberTerms.collect(tokens, k, page, sentence.usable(), this);
            }
        }
        collectCommonTerms(sentence, page, inName);
        collectDefinition(sentence, page);
    }

    /** @return which tokens belong to a name */
    private boolean[] collectNames(AnalyzedSentence sentence, int page) {
        List<Token> tokens = sentence.tokens();
        String text = sentence.text();
        boolean[] inName = new boolean[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            int end = nameEnd(tokens, i);
            if (end > i) {
                List<String> keys = new ArrayList<>();
                for (int k = i; k < end; k++) {
                    keys.add(tokens.get(k).normalized());
                    inName[k] = true;
                }
                String surface = text.substring(tokens.get(i).start(), tokens.get(end - 1).end());
                record(keys, surface, TermKind.NAME, null, null, page, sentence.usable());
                i = end;
            } else {
                i++;
            }
        }
        return inName;
    }

    /** Every word and phrase of up to {@value #MAX_PHRASE} words inside each run of content words. */
    private void collectCommonTerms(AnalyzedSentence sentence, int page, boolean[] inName) {
        List<Token> tokens = sentence.tokens();
        String text = sentence.text();
        int k = 0;
        while (k < tokens.size()) {
            if (inName[k] || !isContentWord(tokens.get(k), k)) {
                k++;
                continue;
            }
            int runEnd = k + 1;
            while (runEnd < tokens.size() && !inName[runEnd] && !tokens.get(runEnd).breakBefore()
                    && isContentWord(tokens.get(runEnd), runEnd)) {
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
                    CandidateTerm recorded = record(keys, surface, TermKind.TERM, null, null, page,
                            sentence.usable());
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
    }

    /** The subject of "X is a ..." is marked definitional (and recorded if no other pass saw it whole). */
    private void collectDefinition(AnalyzedSentence sentence, int page) {
        Matcher definition = DEFINITION.matcher(sentence.text());
        if (!definition.find()) {
            return;
        }
        String subject = definition.group(1).strip();
        List<Token> subjectTokens = Tokenizer.tokenize(subject);
        List<String> words = subjectTokens.stream().map(Token::normalized).toList();
        List<String> termWords = subjectTokens.stream().map(TermCandidates::termKey).toList();
        CandidateTerm subjectTerm = candidates.get(String.join(" ", words));
        if (subjectTerm == null) {
            subjectTerm = candidates.get(String.join(" ", termWords));
        }
        boolean allContent = !words.isEmpty() && words.size() <= 4
                && subjectTokens.stream().noneMatch(t -> t.number() || StopWords.isStopWord(t.text()));
        if (allContent && subjectTerm == null) {
            // a mixed-case term ("Krebs cycle") that neither the name nor the common-word pass saw whole
            boolean name = !subjectTokens.isEmpty() && subjectTokens.getFirst().capitalized()
                    && (subjectTokens.getFirst().acronym()
                    || capitalizedMid.contains(subjectTokens.getFirst().normalized()));
            String surface = name ? subject
                    : subject.substring(0, 1).toLowerCase(Locale.ROOT) + subject.substring(1);
            subjectTerm = record(name ? words : termWords, surface, name ? TermKind.NAME : TermKind.TERM,
                    null, null, page, sentence.usable());
        }
        if (subjectTerm != null && allContent) {
            subjectTerm.definitional = true;
        }
    }

    /** End (exclusive) of a name starting at {@code i}, or {@code i} if none starts there. */
    private int nameEnd(List<Token> tokens, int i) {
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

    private boolean isContentWord(Token token, int index) {
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

    /** One occurrence of the candidate made of {@code keys}; null (nothing recorded) when they are blank. */
    CandidateTerm record(List<String> keys, String surface, TermKind kind, String unit, Double value, int page,
                         boolean inStatement) {
        String key = String.join(" ", keys);
        if (key.isBlank()) {
            return null;
        }
        CandidateTerm candidate = candidates.computeIfAbsent(key, k -> new CandidateTerm(keys));
        candidate.occurred(surface, kind, unit, value, page, inStatement);
        return candidate;
    }
}
