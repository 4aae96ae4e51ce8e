package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.model.ModelOutputException;
import dev.lectavera.quiz.generation.model.ModelOutputParser;
import dev.lectavera.quiz.generation.model.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelOutputParserTest {

    private static final SourcePage PAGE = new SourcePage(UUID.randomUUID(), "Biology", 3,
            "Hans Krebs described the cycle in 1937 at the University of Sheffield.");
    private static final List<Passage> PASSAGES =
            List.of(new Passage("P1", PAGE, PAGE.text(), 0, PAGE.text().length()));
    private static final List<QuestionType> ALL = List.of(QuestionType.values());

    private static ModelOutputParser.Parsed parse(String questions) {
        return ModelOutputParser.questions("{\"questions\": [" + questions + "]}", PASSAGES, ALL);
    }

    @Test
    void readsWellFormedQuestionsAndCitesThePassage() {
        ModelOutputParser.Parsed parsed = parse("""
                {"type": "multiple_choice", "passageId": "P1", "prompt": "Who described the cycle?",
                 "options": ["Hans Krebs", "Louis Pasteur", "Robert Koch", "Gregor Mendel"], "answer": "hans krebs",
                 "explanation": "The passage names him.", "topic": "Hans Krebs"},
                {"type": "true_false", "passageId": "P1", "prompt": "True or false: Krebs worked in Sheffield.",
                 "options": ["True", "False"], "answer": true, "explanation": "Stated.", "topic": "Sheffield"},
                {"type": "fill_in_blank", "passageId": "P1", "prompt": "Krebs described the cycle in _____.",
                 "options": [], "answer": "1937", "explanation": "Stated.", "topic": "1937"}""");
        assertEquals(0, parsed.malformed());
        assertEquals(3, parsed.questions().size());
        QuestionDraft choice = parsed.questions().getFirst();
        assertEquals("Hans Krebs", choice.answer(), "the answer is the option as written");
        assertEquals(3, choice.source().page());
        assertEquals(PAGE.documentId(), choice.source().documentId());
        assertTrue(choice.explanation().contains("page 3 of \"Biology\""));
        assertEquals("true", parsed.questions().get(1).answer());
        assertEquals(List.of("True", "False"), parsed.questions().get(1).options());
    }

    @Test
    void malformedQuestionsAreDroppedAndCounted() {
        ModelOutputParser.Parsed parsed = parse("""
                {"type": "multiple_choice", "passageId": "P1", "prompt": "Who?", "options": ["a", "b", "c"],
                 "answer": "a", "explanation": "x", "topic": "t"},
                {"type": "essay", "passageId": "P1", "prompt": "Discuss.", "options": [], "answer": "a",
                 "explanation": "x", "topic": "t"},
                {"type": "short_answer", "passageId": "P9", "prompt": "Who?", "options": [], "answer": "Krebs",
                 "explanation": "x", "topic": "t"},
                {"type": "short_answer", "passageId": "P1", "prompt": "Who?", "options": [], "answer": "Krebs",
                 "explanation": "x", "topic": "t", "confidence": 0.9},
                {"type": "fill_in_blank", "passageId": "P1", "prompt": "No blank here.", "options": [],
                 "answer": "Krebs", "explanation": "x", "topic": "t"},
                {"type": "true_false", "passageId": "P1", "prompt": "Krebs?", "options": ["True", "False"],
                 "answer": "maybe", "explanation": "x", "topic": "t"},
                {"type": "multiple_choice", "passageId": "P1", "prompt": "Who?", "options": ["a", "b", "c", "d"],
                 "answer": "e", "explanation": "x", "topic": "t"}""");
        assertEquals(7, parsed.malformed());
        assertTrue(parsed.questions().isEmpty());
    }

    @Test
    void aTypeNotRequestedIsMalformed() {
        ModelOutputParser.Parsed parsed = ModelOutputParser.questions("""
                {"questions": [{"type": "short_answer", "passageId": "P1", "prompt": "Who?", "options": [],
                 "answer": "Krebs", "explanation": "x", "topic": "t"}]}""", PASSAGES,
                List.of(QuestionType.TRUE_FALSE));
        assertEquals(1, parsed.malformed());
    }

    @Test
    void aReplyThatIsNotTheJsonAskedForIsRejectedWhole() {
        assertThrows(ModelOutputException.class, () -> ModelOutputParser.questions("Sure! Here are questions:",
                PASSAGES, ALL));
        assertThrows(ModelOutputException.class, () -> ModelOutputParser.questions("[1, 2]", PASSAGES, ALL));
        assertThrows(ModelOutputException.class, () -> ModelOutputParser.questions("{\"items\": []}", PASSAGES, ALL));
        assertThrows(ModelOutputException.class, () -> ModelOutputParser.questions("", PASSAGES, ALL));
    }

    @Test
    void aCodeFenceAroundTheJsonIsTolerated() {
        ModelOutputParser.Parsed parsed = ModelOutputParser.questions("```json\n{\"questions\": []}\n```", PASSAGES,
                ALL);
        assertTrue(parsed.questions().isEmpty());
    }

    @Test
    void flagsAreStrict() {
        assertTrue(ModelOutputParser.correct("{\"correct\": true}"));
        assertFalse(ModelOutputParser.supported("{\"supported\": false}"));
        assertThrows(ModelOutputException.class, () -> ModelOutputParser.correct("{\"correct\": \"yes\"}"));
        assertThrows(ModelOutputException.class, () -> ModelOutputParser.correct("{\"correct\": true, \"why\": 1}"));
    }
}
