package dev.lectavera.study.model;

/** How well the selected documents cover a question (corrective RAG). */
public enum Verdict {
    /** Good passages were found; the answer is built from them. */
    CORRECT,
    /** Only weak or partial matches: the answer says so. */
    AMBIGUOUS,
    /** Nothing relevant: the answer says so plainly, without guessing and without citations. */
    NOT_FOUND
}
