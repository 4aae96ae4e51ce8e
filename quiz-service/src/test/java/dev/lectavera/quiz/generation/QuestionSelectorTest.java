package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.gate.Candidate;
import dev.lectavera.quiz.generation.gate.CandidateSource;
import dev.lectavera.quiz.generation.gate.Gate;
import dev.lectavera.quiz.generation.gate.PageKey;
import dev.lectavera.quiz.generation.gate.QualityGates;
import dev.lectavera.quiz.generation.gate.QuestionSelector;
import dev.lectavera.quiz.generation.gate.QuestionSelector.Selection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionSelectorTest {

    /** Every page offers, per type, distinct questions on distinct topics. */
    private static final class Pages implements CandidateSource {
        final Map<PageKey, Integer> perPage = new LinkedHashMap<>();

        Pages(List<UUID> documents, int pages, int candidatesPerPage) {
            for (UUID document : documents) {
                for (int p = 1; p <= pages; p++) {
                    perPage.put(new PageKey(document, p), candidatesPerPage);
                }
            }
        }

        @Override
        public List<PageKey> pages() {
            return List.copyOf(perPage.keySet());
        }

        @Override
        public List<Candidate> candidates(PageKey page, QuestionType type) {
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < perPage.get(page); i++) {
                String topic = "topic" + page.documentId().toString().substring(0, 4) + "p" + page.page() + "n" + i
                        + type.wire();
                String passage = "Passage " + topic + " states that " + topic + " is important here.";
                candidates.add(new Candidate(new QuestionDraft(QuestionType.FILL_IN_BLANK,
                        "Fill in the blank: Passage _____ states about " + topic, List.of(), topic, "e", topic,
                        new QuestionSource(page.documentId(), "Doc", page.page(), passage, null, null)), -i));
            }
            return candidates;
        }

        @Override
        public String normalizedPageText(PageKey page) {
            return null;
        }
    }

    @Test
    void questionsSpreadOverDocumentsAndPages() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Selection selection = QuestionSelector.select(new Pages(List.of(a, b), 30, 3), 10,
                List.of(QuestionType.FILL_IN_BLANK), new QualityGates(0.6));
        assertEquals(10, selection.accepted().size());
        long fromA = selection.accepted().stream().filter(q -> q.source().documentId().equals(a)).count();
        assertEquals(5, fromA, "round-robin over the two documents");
        Set<Integer> pagesOfA = new HashSet<>();
        selection.accepted().stream().filter(q -> q.source().documentId().equals(a))
                .forEach(q -> pagesOfA.add(q.source().page()));
        assertEquals(5, pagesOfA.size(), "one question per page");
        int min = pagesOfA.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = pagesOfA.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(max - min >= 15, "spread through the document, not its first pages: " + pagesOfA);
    }

    @Test
    void noPageHoldsMoreThanItsShare() {
        Selection selection = QuestionSelector.select(new Pages(List.of(UUID.randomUUID()), 2, 10), 6,
                List.of(QuestionType.FILL_IN_BLANK), new QualityGates(0.6));
        assertEquals(6, selection.accepted().size());
        Map<Integer, Integer> perPage = new LinkedHashMap<>();
        selection.accepted().forEach(q -> perPage.merge(q.source().page(), 1, Integer::sum));
        assertEquals(Map.of(1, 3, 2, 3), perPage);
    }

    @Test
    void runsOutWithoutPaddingAndSaysWhichTypesRanOut() {
        Selection selection = QuestionSelector.select(new Pages(List.of(UUID.randomUUID()), 2, 1), 10,
                List.of(QuestionType.FILL_IN_BLANK), new QualityGates(0.6));
        assertEquals(2, selection.accepted().size());
        assertEquals(List.of(QuestionType.FILL_IN_BLANK), selection.exhausted());
        assertEquals(0, selection.rejections().getOrDefault(Gate.DUPLICATE, 0));
    }

    @Test
    void typesTakeTurns() {
        Selection selection = QuestionSelector.select(new Pages(List.of(UUID.randomUUID()), 20, 2), 8,
                List.of(QuestionType.FILL_IN_BLANK, QuestionType.SHORT_ANSWER), new QualityGates(0.6));
        // the fake source builds fill-in-blank drafts for every type; the topics name the requested type
        long shortAnswerTopics = selection.accepted().stream().filter(q -> q.topic().endsWith("short_answer")).count();
        assertEquals(4, shortAnswerTopics);
    }

    @Test
    void duplicatesAreCountedAndSkipped() {
        UUID document = UUID.randomUUID();
        CandidateSource repeating = new CandidateSource() {
            @Override
            public List<PageKey> pages() {
                return List.of(new PageKey(document, 1));
            }

            @Override
            public List<Candidate> candidates(PageKey page, QuestionType type) {
                QuestionDraft same = new QuestionDraft(QuestionType.FILL_IN_BLANK, "Fill in the blank: _____ is red.",
                        List.of(), "Mars", "e", "Mars", new QuestionSource(document, "Doc", 1, "Mars is red.", 0, 12));
                return List.of(new Candidate(same, 1), new Candidate(same, 0));
            }

            @Override
            public String normalizedPageText(PageKey page) {
                return "mars is red";
            }
        };
        Selection selection = QuestionSelector.select(repeating, 2, List.of(QuestionType.FILL_IN_BLANK),
                new QualityGates(0.6));
        assertEquals(1, selection.accepted().size());
        assertEquals(1, selection.rejections().get(Gate.DUPLICATE));
        assertEquals(2, selection.examined());
    }
}
