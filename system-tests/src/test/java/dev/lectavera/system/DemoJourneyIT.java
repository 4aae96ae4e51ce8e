package dev.lectavera.system;

import dev.lectavera.demo.Demo;
import dev.lectavera.demo.StudentJourney;
import dev.lectavera.demo.client.Api;
import dev.lectavera.demo.client.GatewayClient;
import dev.lectavera.demo.sample.SampleDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./lectavera demo}'s journey, asserted step by step against the six real processes through the
 * gateway only: the same {@link StudentJourney} the CLI runs, with the sample study guide it ships.
 */
@ExtendWith(LectaVeraSystem.class)
class DemoJourneyIT {

    private static final Duration PROCESSING = Duration.ofMinutes(2);

    @Test
    void theDemoStudentsJourneyWorksEndToEnd(LectaVeraSystem.Running system) {
        StudentJourney journey = new StudentJourney(new GatewayClient(system.gateway()), null);

        StudentJourney.Registered user = journey.register();
        assertEquals(user.userId(), UUID.fromString(user.userId()).toString(), "a UUID user id");
        assertTrue(user.email().matches("demo\\+[0-9a-f]{12}@lectavera\\.dev"), user.email());
        assertFalse(user.accessToken().isBlank());

        StudentJourney.Uploaded upload = journey.upload(user);
        assertTrue(upload.httpStatus() == 202 || upload.httpStatus() == 201, "upload status " + upload.httpStatus());
        assertNotNull(UUID.fromString(upload.documentId()));

        StudentJourney.Indexed indexed = journey.awaitIndexed(user, upload, PROCESSING);
        assertEquals("INDEXED", indexed.status());
        assertEquals(upload.documentId(), indexed.documentId());
        assertEquals(SampleDocument.pages().size(), indexed.pages());
        assertEquals(10, indexed.pages());
        assertTrue(indexed.chunks() >= indexed.pages(), "at least one chunk per page: " + indexed.chunks());

        StudentJourney.Session session = journey.openSession(user, indexed);
        List<SampleDocument.SampleQuestion> questions = SampleDocument.QUESTIONS;
        List<StudentJourney.Answer> answers = journey.ask(user, session,
                questions.stream().map(SampleDocument.SampleQuestion::question).toList(), Duration.ofSeconds(60));
        assertEquals(3, answers.size());
        for (int i = 0; i < questions.size(); i++) {
            SampleDocument.SampleQuestion expected = questions.get(i);
            StudentJourney.Answer answer = answers.get(i);
            assertEquals(expected.question(), answer.question());
            assertEquals("CORRECT", answer.verdict(), expected.question() + " → " + answer.text());
            assertFalse(answer.cached(), "a new student's first answer is not cached");
            assertTrue(answer.streamedChunks() >= 1, "the answer was streamed");
            assertTrue(answer.text().contains(expected.expectedTerm()),
                    "answer to \"" + expected.question() + "\" should contain \"" + expected.expectedTerm() + "\": " + answer.text());
            assertFalse(answer.citations().isEmpty(), "citations of " + expected.question());
            assertTrue(answer.citations().stream().anyMatch(c -> c.page() == expected.page()
                            && c.quote().contains(expected.expectedTerm())),
                    "a citation on page " + expected.page() + " quoting \"" + expected.expectedTerm() + "\": " + answer.citations());
        }

        StudentJourney.Quiz quiz = journey.generateQuiz(user, indexed, 5);
        assertNotNull(UUID.fromString(quiz.id()));
        assertEquals(5, quiz.questions().size());
        for (Api.Question question : quiz.questions()) {
            assertEquals(indexed.documentId(), question.source().documentId(), question.prompt());
            assertTrue(question.source().page() >= 1 && question.source().page() <= indexed.pages(),
                    "page " + question.source().page() + " of " + question.prompt());
            assertFalse(question.prompt().isBlank());
        }

        StudentJourney.Attempt attempt = journey.takeQuiz(user, quiz);
        assertEquals(5.0, attempt.maxScore());
        assertTrue(attempt.score() >= 0 && attempt.score() <= 5, "score " + attempt.score());
        assertEquals(attempt.score() * 100 / attempt.maxScore(), attempt.percent(), 0.01);
        assertEquals(5, attempt.results().size());
        assertEquals(attempt.score(), attempt.results().stream().filter(StudentJourney.Graded::correct).count(), 0.0);
        attempt.results().forEach(r -> assertNotNull(r.correctAnswer(), "the grading reveals the answer of " + r.prompt()));

        // What the attempt missed is in the review queue, each card with its page; one is reviewed (FSRS-6).
        StudentJourney.Review review = journey.review(user, quiz, attempt);
        List<String> missed = attempt.results().stream().filter(r -> !r.correct()).map(StudentJourney.Graded::prompt)
                .toList();
        assertEquals(missed.isEmpty(), review.savedByChoice());
        assertEquals(missed.isEmpty() ? 1 : missed.size(), review.queue().size());
        if (!missed.isEmpty()) {
            assertEquals(Set.copyOf(missed),
                    review.queue().stream().map(q -> q.card().prompt()).collect(Collectors.toSet()));
        }
        for (Api.QueuedCard queued : review.queue()) {
            assertEquals("new", queued.card().state());
            assertEquals(indexed.documentId(), queued.card().source().documentId());
            assertTrue(queued.card().source().page() >= 1 && queued.card().source().page() <= indexed.pages());
            assertFalse(queued.card().source().passage().isBlank());
        }
        assertEquals(Boolean.TRUE, review.result().answerCorrect(), "the card's own answer, typed");
        assertEquals("good", review.result().rating());
        assertEquals("learning", review.result().card().state());
        // what ./lectavera demo prints for this step, in the test's output
        Demo.reviewReport(review, Instant.now()).forEach(System.out::println);

        // QueryAnswered, DocumentIndexed, QuizCompleted and ReviewCompleted travel through the outboxes and Kafka.
        await("the analytics overview reflects the journey").atMost(PROCESSING).untilAsserted(() -> {
            Api.Overview overview = journey.overview(user);
            assertEquals(1, overview.documentsIndexed());
            assertEquals(10, overview.pagesIndexed());
            assertEquals(3, overview.questionsAsked());
            assertEquals(1, overview.quizzesTaken());
            assertEquals(attempt.percent(), overview.averageScore(), 0.01);
            assertEquals(1, overview.review().reviewsTotal());
        });
    }
}
