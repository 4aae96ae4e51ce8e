package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.offline.AnalyzedPage;
import dev.lectavera.quiz.generation.offline.AnalyzedSentence;
import dev.lectavera.quiz.generation.offline.ClozeBuilder;
import dev.lectavera.quiz.generation.offline.DistractorPicker;
import dev.lectavera.quiz.generation.offline.DocumentAnalysis;
import dev.lectavera.quiz.generation.offline.KeyTerm;
import dev.lectavera.quiz.generation.offline.MultipleChoiceBuilder;
import dev.lectavera.quiz.generation.offline.SentenceContext;
import dev.lectavera.quiz.generation.offline.ShortAnswerBuilder;
import dev.lectavera.quiz.generation.offline.TermKind;
import dev.lectavera.quiz.generation.offline.TrueFalseBuilder;
import dev.lectavera.quiz.generation.gate.QualityGates;
import dev.lectavera.quiz.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionBuildersTest {

    private static final UUID DOC = UUID.randomUUID();
    private final DocumentAnalysis analysis = DocumentAnalysis.of(StudyTexts.cellBiology(DOC));
    private final Set<String> known = knownSentences(analysis);

    private static Set<String> knownSentences(DocumentAnalysis analysis) {
        Set<String> known = new HashSet<>();
        for (AnalyzedPage page : analysis.pages()) {
            for (AnalyzedSentence sentence : page.sentences()) {
                known.add(TextNormalizer.normalize(sentence.text()));
            }
        }
        return known;
    }

    private SentenceContext context(String startOfSentence, Difficulty difficulty) {
        for (AnalyzedPage page : analysis.pages()) {
            for (AnalyzedSentence sentence : page.sentences()) {
                if (sentence.text().startsWith(startOfSentence)) {
                    return new SentenceContext(page.source(), sentence,
                            analysis.vocabulary().occurrences(sentence.tokens()), difficulty,
                            new DistractorPicker(Map.of(DOC, analysis.vocabulary())), known);
                }
            }
        }
        throw new AssertionError("no sentence starts with " + startOfSentence);
    }

    private KeyTerm term(String key) {
        return analysis.vocabulary().get(key).orElseThrow();
    }

    @Test
    void clozeBlanksTheTermAndKeepsItAsTheAnswer() {
        SentenceContext context = context("Robert Hooke first described", Difficulty.MEDIUM);
        QuestionDraft question = ClozeBuilder.build(context, term("robert hooke")).orElseThrow();
        assertEquals(QuestionType.FILL_IN_BLANK, question.type());
        assertEquals("Fill in the blank: _____ first described cells in 1665 using an early microscope.",
                question.prompt());
        assertEquals("Robert Hooke", question.answer());
        assertTrue(question.options().isEmpty());
        assertEquals(1, question.source().page());
        assertEquals(context.text(), question.source().passage());
        assertTrue(question.explanation().contains("Page 1 of \"Cell Biology\""));
        assertTrue(QualityGates.isGrounded(question, null));
    }

    @Test
    void clozeBlanksEveryOccurrenceOfTheTerm() {
        SentenceContext context = context("Every living organism", Difficulty.MEDIUM);
        QuestionDraft question = ClozeBuilder.build(context, term("cell")).orElseThrow();
        assertFalse(question.prompt().toLowerCase().contains("cell"), question.prompt());
    }

    @Test
    void multipleChoiceOffersThreeDistractorsOfTheSameKind() {
        SentenceContext context = context("Hans Krebs described the cycle", Difficulty.HARD);
        KeyTerm year = term("1937");
        QuestionDraft question = MultipleChoiceBuilder.build(context, year).orElseThrow();
        assertEquals(4, question.options().size());
        assertTrue(question.options().contains("1937"));
        assertEquals("1937", question.answer());
        for (String option : question.options()) {
            KeyTerm optionTerm = analysis.vocabulary().get(TextNormalizer.normalize(option)).orElseThrow();
            assertEquals(TermKind.YEAR, optionTerm.kind(), option + " is not a year");
        }
        assertTrue(QualityGates.distractorProblem(question).isEmpty());
        assertTrue(question.prompt().contains("_____"));
    }

    @Test
    void multipleChoiceDistractorsOfNamesAreNames() {
        SentenceContext context = context("Gregor Mendel studied inheritance", Difficulty.MEDIUM);
        QuestionDraft question = MultipleChoiceBuilder.build(context, term("gregor mendel")).orElseThrow();
        for (String option : question.options()) {
            assertEquals(TermKind.NAME, analysis.vocabulary().get(TextNormalizer.normalize(option)).orElseThrow()
                    .kind());
        }
        assertEquals(4, new HashSet<>(question.options()).size());
    }

    @Test
    void hardDistractorsAreCloserToTheAnswerThanEasyOnes() {
        KeyTerm answer = term("1937");
        SentenceContext hard = context("Hans Krebs described the cycle", Difficulty.HARD);
        SentenceContext easy = context("Hans Krebs described the cycle", Difficulty.EASY);
        List<KeyTerm> hardPicks = hard.picker().pick(answer, DOC, Difficulty.HARD, 3, t -> true);
        List<KeyTerm> easyPicks = easy.picker().pick(answer, DOC, Difficulty.EASY, 3, t -> true);
        double hardDistance = hardPicks.stream().mapToDouble(t -> Math.abs(t.value() - 1937)).sum();
        double easyDistance = easyPicks.stream().mapToDouble(t -> Math.abs(t.value() - 1937)).sum();
        assertTrue(hardDistance <= easyDistance, hardPicks + " vs " + easyPicks);
    }

    @Test
    void trueStatementIsTheSentenceItself() {
        SentenceContext context = context("DNA is a molecule", Difficulty.MEDIUM);
        QuestionDraft question = TrueFalseBuilder.build(context, term("dna"), false).orElseThrow();
        assertEquals("true", question.answer());
        assertEquals("True or false: " + context.text(), question.prompt());
        assertEquals(List.of("True", "False"), question.options());
    }

    @Test
    void falseStatementSwapsTheTermForOneOfTheSameKindAndIsNotInTheDocument() {
        SentenceContext context = context("DNA is a molecule", Difficulty.MEDIUM);
        QuestionDraft question = TrueFalseBuilder.build(context, term("dna"), true).orElseThrow();
        assertEquals("false", question.answer());
        String statement = question.prompt().substring("True or false: ".length());
        assertNotEquals(context.text(), statement);
        assertFalse(known.contains(TextNormalizer.normalize(statement)), "a false statement the document makes");
        assertFalse(statement.startsWith("DNA "), statement);
        assertTrue(question.explanation().startsWith("False."));
        assertTrue(QualityGates.isGrounded(question, null));
    }

    @Test
    void aSwapThatTheDocumentStatesElsewhereIsRefused() {
        SentenceContext context = context("DNA is a molecule", Difficulty.MEDIUM);
        Set<String> allStatements = new HashSet<>(known);
        // pretend the document also says the swapped sentence for every candidate: nothing may be swapped in
        for (KeyTerm other : analysis.vocabulary().terms()) {
            allStatements.add(TextNormalizer.normalize(context.replace(term("dna"), other.surface())));
        }
        SentenceContext everythingKnown = new SentenceContext(context.page(), context.sentence(),
                context.occurrences(), context.difficulty(), context.picker(), allStatements);
        assertTrue(TrueFalseBuilder.build(everythingKnown, term("dna"), true).isEmpty());
    }

    @Test
    void shortAnswerFromADefinition() {
        SentenceContext context = context("Photosynthesis is the process", Difficulty.MEDIUM);
        QuestionDraft question = ShortAnswerBuilder.build(context).orElseThrow();
        assertEquals(QuestionType.SHORT_ANSWER, question.type());
        assertEquals("Which term is described as \"the process by which green plants convert light energy into"
                + " chemical energy\"?", question.prompt());
        assertEquals("Photosynthesis", question.answer());
    }

    @Test
    void shortAnswerFromANamingSentenceAYearAndAnAgent() {
        assertEquals("What is the powerhouse of the cell?",
                ShortAnswerBuilder.build(context("The powerhouse of the cell", Difficulty.MEDIUM)).orElseThrow()
                        .prompt());
        QuestionDraft agent = ShortAnswerBuilder.build(context("The theory of evolution", Difficulty.MEDIUM))
                .orElseThrow();
        assertEquals("By whom was the theory of evolution by natural selection proposed?", agent.prompt());
        assertEquals("Charles Darwin", agent.answer());
    }

    @Test
    void noShortAnswerWithoutADefinitionalShape() {
        Optional<QuestionDraft> none = ShortAnswerBuilder.build(context("Red blood cells carry oxygen",
                Difficulty.MEDIUM));
        assertTrue(none.isEmpty(), () -> "unexpected " + none.get().prompt());
    }
}
