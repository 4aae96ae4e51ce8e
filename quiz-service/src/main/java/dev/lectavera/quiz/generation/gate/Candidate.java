package dev.lectavera.quiz.generation.gate;

import dev.lectavera.quiz.generation.QuestionDraft;

/** A question a generator proposes, with how well it fits the requested difficulty (higher is better). */
public record Candidate(QuestionDraft draft, double fit) {
}
