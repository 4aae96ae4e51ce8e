package dev.lectavera.study.service.rag;

/**
 * A passage with its relevance: {@code coverage} is the share of the question's terms it contains.
 */
public record GradedPassage(Passage passage, double coverage, Grade grade) {

    public enum Grade {
        STRONG,
        WEAK,
        IRRELEVANT
    }
}
