package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.text.Sentence;
import dev.lectavera.quiz.text.Token;

import java.util.List;

/**
 * A sentence with its tokens.
 *
 * @param usable a complete statement of reasonable length that a question can be built on
 */
public record AnalyzedSentence(Sentence sentence, List<Token> tokens, boolean usable) {

    public String text() {
        return sentence.text();
    }
}
