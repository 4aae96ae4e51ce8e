package dev.lectavera.quiz.generation;

/** Turns document pages into questions that passed the quality gates. */
public interface QuizGenerator {

    /** The name stored with the quiz and published in QuizGenerated. */
    String name();

    GenerationResult generate(GenerationRequest request);
}
