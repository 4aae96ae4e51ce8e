package dev.lectavera.quiz.rest;

import dev.lectavera.quiz.model.Question;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerMaskTest {

    private static Question question(String type, String answer, String topic, String passage) {
        return new Question(UUID.randomUUID(), UUID.randomUUID(), 1, type, "prompt", List.of(), answer, "why", topic,
                UUID.randomUUID(), 1, passage, null, null);
    }

    @Test
    void theAnswerIsBlankedAsAWholeWordAnyCase() {
        assertEquals("_____ described the cycle; _____ lived in Sheffield.", AnswerMask.mask(question(
                "fill_in_blank", "Hans Krebs", "Hans Krebs",
                "Hans Krebs described the cycle; hans krebs lived in Sheffield.")));
        assertEquals("The cell membrane surrounds the _____.", AnswerMask.mask(question("short_answer", "cytoplasm",
                "cytoplasm", "The cell membrane surrounds the cytoplasm.")), "whole words only: not 'cell'");
    }

    @Test
    void trueFalseHidesItsTopicNotTheWordsTrueOrFalse() {
        assertEquals("_____ carries genetic instructions, true to form.", AnswerMask.mask(question("true_false",
                "true", "DNA", "DNA carries genetic instructions, true to form.")));
    }
}
