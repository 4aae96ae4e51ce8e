package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.gate.QualityGates;
import dev.lectavera.quiz.generation.offline.OfflineQuizGenerator;
import dev.lectavera.quiz.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineQuizGeneratorTest {

    private static final List<QuestionType> ALL = List.of(QuestionType.values());
    private final OfflineQuizGenerator generator = new OfflineQuizGenerator(0.6);

    @Test
    void tenMixedQuestionsAllGroundedOnTheirPageAndNoNearDuplicates() {
        UUID document = UUID.randomUUID();
        List<SourcePage> pages = StudyTexts.cellBiology(document);
        GenerationResult result = generator.generate(new GenerationRequest(pages, 10, Difficulty.MEDIUM, ALL));
        assertEquals("lectavera-offline", result.generator());
        assertEquals(10, result.questions().size());
        assertNull(result.shortfall());
        Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
        Map<Integer, String> pageTexts = new HashMap<>();
        pages.forEach(p -> pageTexts.put(p.page(), TextNormalizer.normalize(p.text())));
        for (QuestionDraft q : result.questions()) {
            types.add(q.type());
            assertTrue(QualityGates.isGrounded(q, pageTexts.get(q.source().page())), q.toString());
            assertTrue(TextNormalizer.containsTokens(pageTexts.get(q.source().page()),
                    TextNormalizer.normalize(q.source().passage())), "the passage is on the cited page");
            if (q.type() != QuestionType.TRUE_FALSE) {
                assertTrue(TextNormalizer.occursIn(q.answer(), q.source().passage()), q.toString());
            }
            String cited = pages.get(q.source().page() - 1).text()
                    .substring(q.source().startOffset(), q.source().endOffset());
            assertEquals(q.source().passage(), TextNormalizer.collapseWhitespace(cited), "offsets point at it");
        }
        assertEquals(EnumSet.allOf(QuestionType.class), types, "mixed types");
        for (int i = 0; i < result.questions().size(); i++) {
            for (int j = i + 1; j < result.questions().size(); j++) {
                assertFalse(QualityGates.nearDuplicates(result.questions().get(i), result.questions().get(j), 0.6),
                        result.questions().get(i).prompt() + " ~ " + result.questions().get(j).prompt());
            }
        }
        long pagesUsed = result.questions().stream().map(q -> q.source().page()).distinct().count();
        assertEquals(4, pagesUsed, "spread over all four pages");
    }

    @Test
    void sameInputSameQuiz() {
        UUID document = UUID.randomUUID();
        GenerationRequest request = new GenerationRequest(StudyTexts.cellBiology(document), 12, Difficulty.HARD, ALL);
        assertEquals(generator.generate(request).questions(), new OfflineQuizGenerator(0.6).generate(request)
                .questions());
    }

    @Test
    void difficultyChangesWhatIsAsked() {
        UUID document = UUID.randomUUID();
        List<SourcePage> pages = StudyTexts.cellBiology(document);
        List<String> easy = generator.generate(new GenerationRequest(pages, 10, Difficulty.EASY, ALL)).questions()
                .stream().map(QuestionDraft::prompt).toList();
        List<String> hard = generator.generate(new GenerationRequest(pages, 10, Difficulty.HARD, ALL)).questions()
                .stream().map(QuestionDraft::prompt).toList();
        assertFalse(easy.equals(hard));
    }

    @Test
    void aThinDocumentYieldsFewerQuestionsWithAShortfallNote() {
        UUID document = UUID.randomUUID();
        List<SourcePage> pages = List.of(new SourcePage(document, "Note", 1,
                "The Danube flows through Vienna and Budapest. The Danube ends in the Black Sea near Romania."));
        GenerationResult result = generator.generate(new GenerationRequest(pages, 20, Difficulty.MEDIUM, ALL));
        assertTrue(result.questions().size() < 20);
        assertFalse(result.questions().isEmpty());
        GenerationResult.Shortfall shortfall = result.shortfall();
        assertNotNull(shortfall);
        assertEquals(20, shortfall.requested());
        assertEquals(result.questions().size(), shortfall.produced());
        assertTrue(shortfall.reason().startsWith("Only " + result.questions().size() + " of 20"), shortfall.reason());
        assertTrue(shortfall.reason().contains("usable sentence"), shortfall.reason());
    }

    @Test
    void questionsComeFromEverySelectedDocument() {
        UUID biology = UUID.randomUUID();
        UUID history = UUID.randomUUID();
        List<SourcePage> pages = new ArrayList<>(StudyTexts.cellBiology(biology));
        pages.addAll(StudyTexts.history(history));
        GenerationResult result = generator.generate(new GenerationRequest(pages, 8, Difficulty.MEDIUM, ALL));
        long fromHistory = result.questions().stream().filter(q -> q.source().documentId().equals(history)).count();
        assertTrue(fromHistory >= 3, "round-robin over documents: " + fromHistory + " of 8");
        assertTrue(fromHistory <= 5);
    }

    @Test
    void onlyTheRequestedTypes() {
        GenerationResult result = generator.generate(new GenerationRequest(StudyTexts.cellBiology(UUID.randomUUID()),
                6, Difficulty.EASY, List.of(QuestionType.TRUE_FALSE)));
        assertEquals(6, result.questions().size());
        assertTrue(result.questions().stream().allMatch(q -> q.type() == QuestionType.TRUE_FALSE));
        assertTrue(result.questions().stream().anyMatch(q -> q.answer().equals("false")), "some statements false");
        assertTrue(result.questions().stream().anyMatch(q -> q.answer().equals("true")), "some statements true");
    }

    @Test
    void nothingToAskFromAPageWithoutStatements() {
        GenerationResult result = generator.generate(new GenerationRequest(List.of(new SourcePage(UUID.randomUUID(),
                "Index", 1, "Contents\n\nChapter One\n\nChapter Two")), 5, Difficulty.MEDIUM, ALL));
        assertTrue(result.questions().isEmpty());
        assertNotNull(result.shortfall());
    }
}
