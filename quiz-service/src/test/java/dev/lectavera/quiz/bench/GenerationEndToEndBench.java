package dev.lectavera.quiz.bench;

import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole path for a 300-page PDF (measured, not asserted): upload to the real document-service, wait for it to
 * be indexed, then POST /api/v1/quiz/generate for 10 and 50 questions (pages read over HTTP with bounded
 * concurrency, offline generator, quiz stored). Tag {@code bench}: run with
 * {@code ./mvnw -pl quiz-service -am test -Pbench -Dtest=GenerationEndToEndBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@Tag("bench")
class GenerationEndToEndBench {

    private static final int RUNS = 3;

    @Test
    void generateOverAThreeHundredPagePdf() {
        Users user = Users.random();
        long uploadStarted = System.nanoTime();
        UUID documentId = DocumentsApi.upload(user, "Synthetic Textbook", OfflineGeneratorBench.textbook(300));
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2))
                .until(() -> DocumentsApi.status(user, documentId).equals("INDEXED"));
        System.out.printf(Locale.ROOT, "BENCH e2e: 300-page PDF uploaded and indexed in %d s%n",
                (System.nanoTime() - uploadStarted) / 1_000_000_000);
        for (int count : new int[]{10, 50}) {
            for (int run = 1; run <= RUNS; run++) {
                long started = System.nanoTime();
                JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(documentId, count, "medium"))
                        .statusCode(201).extract().jsonPath();
                long wall = (System.nanoTime() - started) / 1_000_000;
                assertEquals(count, quiz.getInt("questionCount"));
                List<Integer> pages = quiz.getList("questions.source.page");
                System.out.printf(Locale.ROOT, "BENCH e2e %2d questions run %d: %5d ms over HTTP (generation.durationMs"
                                + " %d, pages read and generated), rejected %s, %d distinct pages%n", count, run, wall,
                        quiz.getLong("generation.durationMs"), quiz.getMap("generation.gateRejections"),
                        pages.stream().distinct().count());
            }
        }
    }
}
