package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Verdict;

import java.util.List;
import java.util.Set;

/** The grader's outcome: the relevant passages (best first) and the verdict they support. */
public record Grading(Set<String> questionTerms, List<GradedPassage> relevant, Verdict verdict) {
}
