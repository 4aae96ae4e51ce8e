package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The corrective step of corrective RAG, offline and deterministic: how relevant each retrieved passage is to the
 * question, from two kinds of evidence taken together.
 * <ul>
 *   <li>meaning: the cosine similarity of the question and passage embeddings, as document-service computed it —
 *       it recognises a question asked in other words than the page uses;</li>
 *   <li>terms: the share of the question's terms (stemmed, spelling variants met) the passage contains — it keeps
 *       names, numbers and identifiers from being lost in a vague semantic match.</li>
 * </ul>
 * Relevance is {@code similarity + termWeight × coverage}. At or above the strong threshold a passage is good (one
 * is enough for verdict CORRECT); between the weak and the strong threshold it is a partial match (only such
 * passages make the verdict AMBIGUOUS); below, it is never used, and none relevant at all gives NOT_FOUND. A passage
 * without a similarity (a document embedded by another model) is graded on its terms alone, against the term
 * thresholds. The search order breaks ties.
 */
public final class PassageGrader {

    /**
     * @param strongCoverage   term share for a good passage when only terms are known
     * @param weakCoverage     term share for a partial match when only terms are known
     * @param strongRelevance  similarity + termWeight × coverage for a good passage
     * @param weakRelevance    the same for a partial match
     * @param termWeight       how much the term share adds to the similarity
     */
    public record Calibration(double strongCoverage, double weakCoverage, double strongRelevance,
                              double weakRelevance, double termWeight) {

        public Calibration {
            if (weakCoverage <= 0 || weakCoverage > strongCoverage || strongCoverage > 1) {
                throw new IllegalArgumentException("need 0 < weak <= strong <= 1, got weak " + weakCoverage
                        + ", strong " + strongCoverage);
            }
            if (weakRelevance > strongRelevance || termWeight < 0) {
                throw new IllegalArgumentException("need weak relevance <= strong relevance and a term weight >= 0,"
                        + " got " + weakRelevance + ", " + strongRelevance + ", " + termWeight);
            }
        }
    }

    private final Calibration calibration;

    public PassageGrader(Calibration calibration) {
        this.calibration = calibration;
    }

    /** Term evidence only, as for passages without a similarity. */
    public PassageGrader(double strongCoverage, double weakCoverage) {
        this(new Calibration(strongCoverage, weakCoverage, 1, 1, 0));
    }

    public Grading grade(String question, List<Passage> passages) {
        Set<String> questionTerms = Terms.stems(question);
        List<GradedPassage> relevant = new ArrayList<>();
        if (!questionTerms.isEmpty()) {
            for (Passage passage : passages) {
                GradedPassage graded = grade(questionTerms, passage);
                if (graded.grade() != GradedPassage.Grade.IRRELEVANT) {
                    relevant.add(graded);
                }
            }
        }
        relevant.sort(Comparator.comparingDouble(GradedPassage::relevance).reversed()
                .thenComparingInt(g -> g.passage().rank()));
        Verdict verdict = relevant.isEmpty() ? Verdict.NOT_FOUND
                : relevant.stream().anyMatch(g -> g.grade() == GradedPassage.Grade.STRONG) ? Verdict.CORRECT
                : Verdict.AMBIGUOUS;
        return new Grading(questionTerms, List.copyOf(relevant), verdict);
    }

    GradedPassage grade(Set<String> questionTerms, Passage passage) {
        double coverage = Terms.coverage(questionTerms, Terms.stems(passage.text()));
        if (coverage == 0) {
            // not one of the question's words: a semantic neighbour at most, never a source to quote
            return new GradedPassage(passage, 0, 0, GradedPassage.Grade.IRRELEVANT);
        }
        if (!passage.hasSimilarity()) {
            GradedPassage.Grade grade = coverage >= calibration.strongCoverage() ? GradedPassage.Grade.STRONG
                    : coverage >= calibration.weakCoverage() ? GradedPassage.Grade.WEAK
                    : GradedPassage.Grade.IRRELEVANT;
            return new GradedPassage(passage, coverage, coverage, grade);
        }
        double relevance = passage.similarity() + calibration.termWeight() * coverage;
        GradedPassage.Grade grade = relevance >= calibration.strongRelevance() ? GradedPassage.Grade.STRONG
                : relevance >= calibration.weakRelevance() ? GradedPassage.Grade.WEAK
                : GradedPassage.Grade.IRRELEVANT;
        return new GradedPassage(passage, coverage, relevance, grade);
    }
}
