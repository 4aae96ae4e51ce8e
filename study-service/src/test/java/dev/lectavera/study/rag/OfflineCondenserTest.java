package dev.lectavera.study.rag;

import dev.lectavera.study.service.rag.OfflineCondenser;
import dev.lectavera.study.service.rag.QuestionCondenser.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OfflineCondenserTest {

    private final OfflineCondenser condenser = new OfflineCondenser();

    @Test
    void aStandaloneQuestionIsUnchanged() {
        List<Turn> history = List.of(new Turn(true, "What does the mitochondrion produce?"),
                new Turn(false, "The mitochondrion produces ATP [1]"));
        assertEquals("What is photosynthesis in chloroplasts?",
                condenser.condense("  What is photosynthesis in chloroplasts?  ", history));
    }

    @Test
    void aShortFollowUpWithAPronounBorrowsThePreviousQuestionsKeyWords() {
        List<Turn> history = List.of(new Turn(true, "What does the mitochondrion produce?"),
                new Turn(false, "The mitochondrion produces adenosine triphosphate [1]"));
        assertEquals("How is it folded? mitochondrion produce", condenser.condense("How is it folded?", history));
    }

    @Test
    void aBareFollowUpBorrowsToo() {
        List<Turn> history = List.of(new Turn(true, "Explain oxidative phosphorylation"));
        assertEquals("Why? oxidative phosphorylation", condenser.condense("Why?", history));
    }

    @Test
    void chainedFollowUpsReachBackToTheQuestionTheyReferTo() {
        List<Turn> history = List.of(
                new Turn(true, "What is meiosis in cell division?"),
                new Turn(false, "answer"),
                new Turn(true, "What does the mitochondrion produce?"),
                new Turn(false, "answer"),
                new Turn(true, "How is it folded?"),
                new Turn(false, "answer"));
        // stops at the mitochondrion question: meiosis is not what "that" refers to
        assertEquals("Why is that important? folded mitochondrion produce",
                condenser.condense("Why is that important?", history));
    }

    @Test
    void withoutHistoryAFollowUpStaysAsItIs() {
        assertEquals("How is it made?", condenser.condense("How is it made?", List.of()));
    }

    @Test
    void itIsDeterministic() {
        List<Turn> history = List.of(new Turn(true, "Describe the thylakoid membranes of chloroplasts"));
        String first = condenser.condense("What happens there?", history);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, condenser.condense("What happens there?", history));
        }
    }
}
