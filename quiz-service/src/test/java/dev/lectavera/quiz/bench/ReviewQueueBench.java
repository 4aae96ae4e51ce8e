package dev.lectavera.quiz.bench;

import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.Users;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The due queue of one user with 10,000 cards (7,000 in schedule, due from 30 days ago to 60 days ahead, and
 * 3,000 new), over HTTP: GET /api/v1/quiz/review/queue, measured, not asserted. Tag {@code bench}: run with
 * {@code ./mvnw -pl quiz-service -am test -Pbench -Dtest=ReviewQueueBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@Tag("bench")
class ReviewQueueBench {

    private static final int CARDS = 10_000;
    private static final int NEW_CARDS = 3_000;
    private static final int WARM_UP = 30;
    private static final int RUNS = 300;

    private final AgroalDataSource dataSource;

    ReviewQueueBench(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void dueQueueOfTenThousandCards() throws SQLException, IOException, InterruptedException {
        Users user = Users.random();
        insertCards(user.id());
        // daily limits high enough for the queue to be as long as the limit asks
        QuizApi.as(user).contentType("application/json").body("{\"newPerDay\": 1000, \"reviewsPerDay\": 10000}")
                .put("/api/v1/quiz/review/settings").then().statusCode(200);
        HttpClient http = HttpClient.newHttpClient();
        for (int limit : new int[]{50, 500}) {
            int items = QuizApi.as(user).get("/api/v1/quiz/review/queue?limit=" + limit).then().statusCode(200)
                    .extract().path("items.size()");
            assertEquals(limit, items);
            HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                    + "/api/v1/quiz/review/queue?limit=" + limit)).header("Authorization", "Bearer " + user.token())
                    .build();
            for (int i = 0; i < WARM_UP; i++) {
                queue(http, request);
            }
            // timed with a plain client that reads the body without parsing it: the server's time, not RestAssured's
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long started = System.nanoTime();
                queue(http, request);
                micros.add((System.nanoTime() - started) / 1_000);
            }
            Collections.sort(micros);
            System.out.printf(Locale.ROOT, "BENCH review queue, %d cards, limit %d: p50 %.1f ms, p95 %.1f ms,"
                            + " max %.1f ms over %d requests%n", CARDS, limit, micros.get(RUNS / 2) / 1000.0,
                    micros.get((int) (RUNS * 0.95)) / 1000.0, micros.getLast() / 1000.0, RUNS);
        }
    }

    private static void queue(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
    }

    private void insertCards(UUID userId) throws SQLException {
        SplittableRandom random = new SplittableRandom(19);
        Instant now = Instant.now();
        UUID documentId = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO card (id, user_id, origin, dedupe_key, question_type, prompt, answer, topic, document_id,
                                  page, passage, state, stability, difficulty, due, last_review, reps, created_at)
                VALUES (?, ?, 'flashcard', ?, 'short_answer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < CARDS; i++) {
                boolean fresh = i < NEW_CARDS;
                Instant due = fresh ? now : now.plus(Duration.ofMinutes(random.nextLong(-30 * 1440, 60 * 1440)));
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, userId);
                insert.setString(3, documentId + ":term " + i);
                insert.setString(4, "What is term " + i + "?");
                insert.setString(5, "term " + i);
                insert.setString(6, "topic " + (i % 40));
                insert.setObject(7, documentId);
                insert.setInt(8, 1 + i % 300);
                insert.setString(9, "Term " + i + " is the thing defined on this page.");
                insert.setString(10, fresh ? "new" : "review");
                insert.setObject(11, fresh ? null : 1 + random.nextDouble() * 60, java.sql.Types.DOUBLE);
                insert.setObject(12, fresh ? null : 1 + random.nextDouble() * 9, java.sql.Types.DOUBLE);
                insert.setTimestamp(13, Timestamp.from(due));
                insert.setTimestamp(14, fresh ? null : Timestamp.from(due.minus(Duration.ofDays(5))));
                insert.setInt(15, fresh ? 0 : 3);
                insert.setTimestamp(16, Timestamp.from(now.minus(Duration.ofDays(90)).plusSeconds(i)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
