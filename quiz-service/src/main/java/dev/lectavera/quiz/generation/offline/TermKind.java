package dev.lectavera.quiz.generation.offline;

/** What a key term is: distractors and swaps are always of the same kind. */
public enum TermKind {
    /** A capitalised name or multi-word proper term ("Charles Darwin", "Krebs Cycle", "DNA"). */
    NAME,
    /** A number, with the word after it as its unit when there is one ("206 bones", "37%", "3.5 km"). */
    NUMBER,
    /** A four-digit year ("1648"). */
    YEAR,
    /** A frequent common noun or noun phrase ("cell membrane", "photosynthesis"). */
    TERM
}
