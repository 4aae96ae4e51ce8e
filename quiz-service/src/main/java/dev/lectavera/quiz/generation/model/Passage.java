package dev.lectavera.quiz.generation.model;

import dev.lectavera.quiz.generation.SourcePage;

/**
 * A passage shown to the model, cited back by {@code id}.
 *
 * @param text  white space collapsed
 * @param start offset in the page text
 * @param end   offset just after it
 */
public record Passage(String id, SourcePage page, String text, int start, int end) {
}
