package dev.lectavera.demo;

import dev.lectavera.demo.client.Api;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenBookStudentTest {

    private static final String PAGE = """
            Transpiration and Sublimation

            Transpiration is the release of water vapour from plants through tiny pores in their leaves called
            stomata. Plants pull water up from their roots, and most of it leaves through the stomata on the
            underside of the leaves.

            A single large oak tree can give off about 150,000 litres of water in a year.

            Sublimation is the change of ice or snow directly into water vapour without melting first.
            """;

    private final OpenBookStudent student = new OpenBookStudent();

    @Test
    void fillsABlankWithWhatThePageSays() {
        assertEquals("150,000 litres", student.answer(question("fill_in_blank",
                "Fill in the blank: A single large oak tree can give off about _____ of water in a year.", null), PAGE));
    }

    @Test
    void picksTheOptionThatCompletesThePagesSentence() {
        assertEquals("Sublimation", student.answer(question("multiple_choice",
                "Which option completes the sentence? _____ is the change of ice or snow directly into water vapour without melting first.",
                List.of("Condensation", "Sublimation", "Deposition", "Evaporation")), PAGE));
    }

    @Test
    void answersTrueOnlyForWhatThePageStates() {
        assertEquals("true", student.answer(question("true_false",
                "True or false: A single large oak tree can give off about 150,000 litres of water in a year.",
                List.of("True", "False")), PAGE));
        assertEquals("false", student.answer(question("true_false",
                "True or false: Sublimation is the release of water vapour from plants through tiny pores in their leaves called stomata.",
                List.of("True", "False")), PAGE));
    }

    @Test
    void namesTheTermADefinitionDescribes() {
        assertEquals("Transpiration", student.answer(question("short_answer",
                "Which term is described as \"the release of water vapour from plants through tiny pores in their leaves called stomata\"?",
                null), PAGE));
    }

    @Test
    void admitsNotKnowingWhenThePageHasNothingLikeThePrompt() {
        assertEquals("I don't know", student.answer(question("short_answer", "Who painted the Mona Lisa?", null),
                "Nothing relevant here."));
    }

    private static Api.Question question(String type, String prompt, List<String> options) {
        return new Api.Question("q1", 1, type, prompt, options, null,
                new Api.Source("d1", "The Water Cycle", 4, "masked", true));
    }
}
