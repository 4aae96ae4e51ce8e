package dev.lectavera.quiz.generation.gate;

import dev.lectavera.quiz.generation.QuestionType;

import java.util.List;

/** Candidates page by page, built on demand: a 300-page document is never turned into questions all at once. */
public interface CandidateSource {

    /** Every page that may yield candidates, documents in request order, pages ascending. */
    List<PageKey> pages();

    /** Candidates of one type drawn from one page, best fit first. */
    List<Candidate> candidates(PageKey page, QuestionType type);

    /** The page's text in {@link dev.lectavera.quiz.text.TextNormalizer#normalize} form, or null if unknown. */
    String normalizedPageText(PageKey page);
}
