package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The corrective step of corrective RAG, offline and deterministic: a passage is relevant when it contains
 * enough of the question's terms (after stemming). Search scores are not compared (RRF scores only order);
 * the search order breaks ties.
 * <ul>
 *   <li>coverage ≥ strong threshold: a good passage; one is enough for verdict CORRECT;</li>
 *   <li>weak ≤ coverage &lt; strong: a partial match; only such passages make the verdict AMBIGUOUS;</li>
 *   <li>below weak: irrelevant, never used; none relevant at all gives NOT_FOUND.</li>
 * </ul>
 */
public final class PassageGrader {

    private final double strongThreshold;
    private final double weakThreshold;

    public PassageGrader(double strongThreshold, double weakThreshold) {
        if (weakThreshold <= 0 || weakThreshold > strongThreshold || strongThreshold > 1) {
            throw new IllegalArgumentException("need 0 < weak <= strong <= 1, got weak " + weakThreshold
                    + ", strong " + strongThreshold);
        }
        this.strongThreshold = strongThreshold;
        this.weakThreshold = weakThreshold;
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
        relevant.sort(Comparator.comparingDouble(GradedPassage::coverage).reversed()
                .thenComparingInt(g -> g.passage().rank()));
        Verdict verdict = relevant.isEmpty() ? Verdict.NOT_FOUND
                : relevant.getFirst().grade() == GradedPassage.Grade.STRONG ? Verdict.CORRECT : Verdict.AMBIGUOUS;
        return new Grading(questionTerms, List.copyOf(relevant), verdict);
    }

    GradedPassage grade(Set<String> questionTerms, Passage passage) {
        Set<String> passageTerms = Terms.stems(passage.text());
        long matched = questionTerms.stream().filter(passageTerms::contains).count();
        double coverage = (double) matched / questionTerms.size();
        GradedPassage.Grade grade = matched == 0 ? GradedPassage.Grade.IRRELEVANT
                : coverage >= strongThreshold ? GradedPassage.Grade.STRONG
                : coverage >= weakThreshold ? GradedPassage.Grade.WEAK
                : GradedPassage.Grade.IRRELEVANT;
        return new GradedPassage(passage, coverage, grade);
    }
}
