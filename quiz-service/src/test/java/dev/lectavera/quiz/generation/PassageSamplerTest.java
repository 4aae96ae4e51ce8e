package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.model.Passage;
import dev.lectavera.quiz.generation.model.PassageSampler;
import dev.lectavera.quiz.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageSamplerTest {

    @Test
    void passagesAreNumberedBoundedAndPointIntoTheirPage() {
        List<SourcePage> pages = StudyTexts.cellBiology(UUID.randomUUID());
        List<Passage> passages = PassageSampler.sample(pages, 40);
        assertTrue(passages.size() >= 4, "at least one passage per page");
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            assertEquals("P" + (i + 1), passage.id());
            assertTrue(passage.text().length() <= 600);
            assertEquals(passage.text(), TextNormalizer.collapseWhitespace(
                    passage.page().text().substring(passage.start(), passage.end())));
        }
        assertEquals(4, passages.subList(0, 4).stream().map(p -> p.page().page()).distinct().count(),
                "every page before a second passage of any");
        assertEquals(2, PassageSampler.sample(pages, 2).size(), "no more than asked");
    }

    @Test
    void documentsTakeTurns() {
        UUID biology = UUID.randomUUID();
        UUID history = UUID.randomUUID();
        List<SourcePage> pages = new ArrayList<>(StudyTexts.cellBiology(biology));
        pages.addAll(StudyTexts.history(history));
        List<Passage> passages = PassageSampler.sample(pages, 4);
        assertEquals(List.of(biology, history, biology, history),
                passages.stream().map(p -> p.page().documentId()).toList());
    }
}
