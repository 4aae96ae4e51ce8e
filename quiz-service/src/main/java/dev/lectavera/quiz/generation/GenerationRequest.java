package dev.lectavera.quiz.generation;

import java.util.List;

/**
 * What to generate from.
 *
 * @param pages the pages of every selected document, documents in the order the caller gave them
 * @param types the question types asked for, in a fixed order
 */
public record GenerationRequest(List<SourcePage> pages, int count, Difficulty difficulty, List<QuestionType> types) {

    public GenerationRequest {
        pages = List.copyOf(pages);
        types = List.copyOf(types);
    }
}
