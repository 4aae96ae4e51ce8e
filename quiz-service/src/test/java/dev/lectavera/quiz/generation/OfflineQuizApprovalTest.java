package dev.lectavera.quiz.generation;

import dev.lectavera.quiz.generation.offline.DocumentAnalysis;
import dev.lectavera.quiz.generation.offline.KeyTerm;
import dev.lectavera.quiz.generation.offline.OfflineQuizGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The offline generator's whole output — every key term with its score and rank, and the quizzes of every
 * difficulty — for the two study texts, compared with the approved copy in {@code offline-quizzes.approved.txt}.
 * A refactoring of the generator (such as splitting the key-term extractor) must leave it byte for byte the same; a
 * deliberate change of the generator re-approves it: run with {@code -Dquiz.approve=true} and review the diff.
 */
class OfflineQuizApprovalTest {

    private static final String APPROVED = "offline-quizzes.approved.txt";
    private static final UUID DOCUMENT = UUID.fromString("0190a6d2-0000-7000-8000-000000000001");

    @Test
    void theGeneratorsOutputIsTheApprovedOne() throws IOException {
        String output = describe("cell biology", StudyTexts.cellBiology(DOCUMENT))
                + describe("history", StudyTexts.history(DOCUMENT));
        if (Boolean.getBoolean("quiz.approve")) {
            Path approved = Path.of("src/test/resources", APPROVED);
            Files.createDirectories(approved.getParent());
            Files.writeString(approved, output, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream approved = getClass().getClassLoader().getResourceAsStream(APPROVED)) {
            assertNotNull(approved, APPROVED + " is missing: run once with -Dquiz.approve=true");
            assertEquals(new String(approved.readAllBytes(), StandardCharsets.UTF_8), output);
        }
    }

    private static String describe(String name, List<SourcePage> pages) {
        StringBuilder out = new StringBuilder("# ").append(name).append('\n');
        for (KeyTerm term : DocumentAnalysis.of(pages).vocabulary().terms()) {
            out.append(term).append('\n');
        }
        OfflineQuizGenerator generator = new OfflineQuizGenerator(0.6);
        for (Difficulty difficulty : Difficulty.values()) {
            GenerationResult result = generator.generate(new GenerationRequest(pages, 12, difficulty,
                    List.of(QuestionType.values())));
            out.append("## ").append(difficulty).append(" shortfall=").append(result.shortfall()).append('\n');
            result.questions().forEach(q -> out.append(q).append('\n'));
        }
        return out.toString();
    }
}
