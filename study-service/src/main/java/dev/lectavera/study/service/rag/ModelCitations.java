package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Citation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citations of a model's answer. The model cites passages by number ("[2]"); for each marker the quote is the
 * sentence of that passage sharing most words with the answer's sentence carrying the marker (so every quote is
 * a real span of the passage), then the verifier checks it like any other. Markers naming no passage are dropped.
 */
public final class ModelCitations {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,2})]");

    private ModelCitations() {
    }

    /** @param numbered the passages as numbered in the prompt: passage n is {@code numbered.get(n - 1)} */
    public static List<Citation> extract(String answer, List<Passage> numbered, Set<String> questionTerms) {
        List<Citation> citations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Sentences.Span> answerSentences = Sentences.of(answer);
        Matcher marker = MARKER.matcher(answer);
        while (marker.find()) {
            int number = Integer.parseInt(marker.group(1));
            if (number < 1 || number > numbered.size()) {
                continue;
            }
            Passage passage = numbered.get(number - 1);
            String statement = statementAround(answer, answerSentences, marker.start());
            Sentences.Span quote = bestSentence(passage, Terms.stems(MARKER.matcher(statement).replaceAll(" ")),
                    questionTerms);
            if (quote == null) {
                continue;
            }
            Citation citation = new Citation(number, passage.documentId(), passage.title(), passage.page(),
                    quote.text(), passage.startOffset() + quote.start(), passage.startOffset() + quote.end(),
                    passage.lowConfidence());
            if (seen.add(number + "/" + citation.startOffset())) {
                citations.add(citation);
            }
        }
        return citations;
    }

    private static String statementAround(String answer, List<Sentences.Span> sentences, int position) {
        for (Sentences.Span sentence : sentences) {
            if (sentence.start() <= position && position < sentence.end()) {
                return sentence.text();
            }
        }
        // a marker after the sentence's end ("… mitochondria. [1]"): the sentence before it
        Sentences.Span before = null;
        for (Sentences.Span sentence : sentences) {
            if (sentence.end() <= position) {
                before = sentence;
            }
        }
        return before == null ? answer : before.text();
    }

    private static Sentences.Span bestSentence(Passage passage, Set<String> statementTerms, Set<String> questionTerms) {
        Sentences.Span best = null;
        int bestScore = -1;
        for (Sentences.Span sentence : Sentences.of(passage.text())) {
            Set<String> terms = Terms.stems(sentence.text());
            int score = 2 * (int) statementTerms.stream().filter(terms::contains).count()
                    + (int) questionTerms.stream().filter(terms::contains).count();
            if (score > bestScore) {
                best = sentence;
                bestScore = score;
            }
        }
        return best;
    }
}
