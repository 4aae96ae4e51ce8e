package dev.lectavera.quiz.service;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.quiz.config.QuizConfig;
import dev.lectavera.quiz.generation.GenerationRequest;
import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.StudyPdf;
import dev.lectavera.quiz.support.Users;
import dev.lectavera.testsupport.kafka.TestPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.inject.Vetoed;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After UserDeleted nothing of the user is stored again: a write that arrives later (its token still accepted, as
 * when Redis is down) is refused, and a generation that was running when the purge happened stores nothing.
 */
@QuarkusTest
class DeletedUserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ATTEMPT = "{\"answers\": [], \"timeSpentSeconds\": 5}";

    private final AgroalDataSource dataSource;
    private final QuizConfig config;
    private final QuizService quizService;

    DeletedUserTest(AgroalDataSource dataSource, QuizConfig config, QuizService quizService) {
        this.dataSource = dataSource;
        this.config = config;
        this.quizService = quizService;
    }

    @Test
    void writesArrivingAfterUserDeletedAreRefusedAndNothingOfTheUserIsKept() throws SQLException {
        Users user = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        UUID quizId = UUID.fromString(QuizApi.generate(user, QuizApi.generateJson(documentId, 4, "easy"))
                .statusCode(201).extract().path("id"));
        QuizApi.submit(user, quizId, ATTEMPT).statusCode(201);
        assertTrue(rowsOf(user) > 0);

        deleteThroughKafka(user);

        accountDeleted(QuizApi.generate(user, QuizApi.generateJson(documentId, 4, "easy")));
        accountDeleted(QuizApi.submit(user, quizId, ATTEMPT));
        QuizApi.as(user).get("/api/v1/quiz").then().statusCode(200).body("total", equalTo(0));
        assertEquals(0, rowsOf(user), "rows of the deleted user");
    }

    @Test
    void aGenerationThatFinishesAfterThePurgeStoresNothing() throws Exception {
        Users user = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        BlockingGenerators generators = blockGeneration();

        CompletableFuture<ExtractableResponse<Response>> generation = CompletableFuture.supplyAsync(
                () -> QuizApi.generate(user, QuizApi.generateJson(documentId, 4, "easy")).extract());
        assertTrue(generators.entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "generation started");
        deleteThroughKafka(user);
        generators.release.countDown();

        accountDeleted(generation.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).response().then());
        assertEquals(0, rowsOf(user), "rows of the deleted user");
    }

    @Test
    void aGenerationStoringWhileThePurgeRunsWaitsForItAndStoresNothing() throws Exception {
        Users user = Users.random();
        UUID documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
        BlockingGenerators generators = blockGeneration();

        CompletableFuture<ExtractableResponse<Response>> generation = CompletableFuture.supplyAsync(
                () -> QuizApi.generate(user, QuizApi.generateJson(documentId, 4, "easy")).extract());
        assertTrue(generators.entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "generation started");
        // The purge holds the user's lock while the generation, past the up-front check, tries to store: the store
        // must wait for the purge's commit and then see the tombstone.
        QuarkusTransaction.requiringNew().run(() -> {
            quizService.purgeUser(user.id(), Instant.now());
            generators.release.countDown();
            await("the store waits for the purge").atMost(TIMEOUT).until(this::someoneWaitsForAUserLock);
        });

        accountDeleted(generation.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).response().then());
        assertEquals(0, rowsOf(user), "rows of the deleted user");
    }

    /** The offline generator, held at its start until the test lets it go (installed for the current test only). */
    private BlockingGenerators blockGeneration() {
        BlockingGenerators generators = new BlockingGenerators(config);
        QuarkusMock.installMockForType(generators, QuizGenerators.class);
        return generators;
    }

    @Vetoed // a stand-in installed by hand, not a second bean (the superclass's scope is inherited)
    static class BlockingGenerators extends QuizGenerators {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        BlockingGenerators(QuizConfig config) {
            super(config, null); // the offline provider never asks for the model
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            entered.countDown();
            try {
                if (!release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the generation");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.generate(request);
        }
    }

    private void deleteThroughKafka(Users user) {
        EventEnvelope<UserDeleted> deleted = EventEnvelope.of("/auth-service", user.id().toString(),
                new UserDeleted(user.id(), Instant.now()));
        TestPublisher.publishOne(deleted);
        await("UserDeleted applied").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM deleted_user WHERE user_id = ?", user.id()) == 1);
    }

    private static void accountDeleted(ValidatableResponse response) {
        response.statusCode(401).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Account deleted"));
    }

    /** The user's quizzes, attempts and outbox events (found by the id in their payload). */
    private long rowsOf(Users user) throws SQLException {
        return count("SELECT count(*) FROM quiz WHERE user_id = ?", user.id())
                + count("SELECT count(*) FROM attempt WHERE user_id = ?", user.id())
                + count("SELECT count(*) FROM outbox_event WHERE strpos(envelope, ?) > 0", user.id().toString());
    }

    private boolean someoneWaitsForAUserLock() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
