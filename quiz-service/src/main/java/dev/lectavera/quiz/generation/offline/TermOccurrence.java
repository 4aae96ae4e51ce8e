package dev.lectavera.quiz.generation.offline;

/** Where a key term occurs in a sentence: character offsets into the sentence text. */
public record TermOccurrence(KeyTerm term, int start, int end) {
}
