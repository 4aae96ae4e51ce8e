package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.SourcePage;

import java.util.List;

/** A page split into sentences and tokens. */
public record AnalyzedPage(SourcePage source, List<AnalyzedSentence> sentences) {

    public boolean hasUsableSentence() {
        return sentences.stream().anyMatch(AnalyzedSentence::usable);
    }
}
