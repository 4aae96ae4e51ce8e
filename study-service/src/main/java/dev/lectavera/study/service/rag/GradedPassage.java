package dev.lectavera.study.service.rag;

/**
 * A passage with its relevance: {@code coverage} is the share of the question's terms it contains; {@code relevance}
 * what it was graded on (see {@link PassageGrader}): similarity and coverage together, or the coverage alone when
 * the passage has no similarity.
 */
public record GradedPassage(Passage passage, double coverage, double relevance, Grade grade) {

    public enum Grade {
        STRONG,
        WEAK,
        IRRELEVANT
    }
}
