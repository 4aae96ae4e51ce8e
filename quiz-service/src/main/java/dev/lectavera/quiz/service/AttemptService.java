package dev.lectavera.quiz.service;

import dev.lectavera.contracts.events.QuizCompleted;
import dev.lectavera.contracts.events.QuizCompleted.QuestionOutcome;
import dev.lectavera.outbox.OutboxWriter;
import dev.lectavera.quiz.grading.Grade;
import dev.lectavera.quiz.grading.Grading;
import dev.lectavera.quiz.model.Attempt;
import dev.lectavera.quiz.model.AttemptAnswer;
import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.model.QuizDocument;
import dev.lectavera.quiz.repository.AttemptRepository;
import dev.lectavera.quiz.repository.QuizRepository;
import dev.lectavera.quiz.repository.UserRepository;
import dev.lectavera.quiz.review.service.CardService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grades attempts (one point per question; a question left out scores nothing) and stores them with their QuizCompleted
 * event and a review card for every question missed, in one transaction. Grading runs before the transaction: a model
 * asked about a typed answer never holds a database connection. A deleted user's attempt is refused, under the user's
 * lock when it is stored (see {@link QuizService#purgeUser}).
 */
@ApplicationScoped
public class AttemptService {

    private final QuizRepository quizzes;
    private final AttemptRepository attempts;
    private final UserRepository users;
    private final Grading grading;
    private final OutboxWriter outbox;
    private final QuizMetrics metrics;
    private final CardService cards;

    AttemptService(QuizRepository quizzes, AttemptRepository attempts, UserRepository users, Grading grading,
                   OutboxWriter outbox, QuizMetrics metrics, CardService cards) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.users = users;
        this.grading = grading;
        this.outbox = outbox;
        this.metrics = metrics;
        this.cards = cards;
    }

    public AttemptDetails submit(UUID userId, UUID quizId, List<AnswerSubmission> submitted, int timeSpentSeconds) {
        if (users.isDeleted(userId)) {
            throw QuizProblems.accountDeleted();
        }
        quizzes.findOwned(userId, quizId).orElseThrow(() -> QuizProblems.quizNotFound(quizId));
        List<Question> questions = quizzes.questions(quizId);
        Map<UUID, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        Map<UUID, String> given = new LinkedHashMap<>();
        for (int i = 0; i < submitted.size(); i++) {
            AnswerSubmission answer = submitted.get(i);
            if (!byId.containsKey(answer.questionId())) {
                throw QuizProblems.unknownQuestion(i, answer.questionId());
            }
            if (given.containsKey(answer.questionId())) {
                throw QuizProblems.duplicateAnswer(i, answer.questionId());
            }
            given.put(answer.questionId(), answer.answer());
        }
        Map<UUID, AttemptAnswer> graded = new LinkedHashMap<>();
        List<QuestionOutcome> outcomes = new ArrayList<>();
        int correct = 0;
        for (Question question : questions) {
            String answer = given.get(question.id());
            Grade grade = grading.grade(question, answer);
            graded.put(question.id(), new AttemptAnswer(question.id(), answer, grade.correct(), grade.method()));
            outcomes.add(new QuestionOutcome(question.id(), question.documentId(), question.page(), question.topic(),
                    grade.correct()));
            if (grade.correct()) {
                correct++;
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Attempt attempt = new Attempt(UUID.randomUUID(), quizId, userId, correct, questions.size(), timeSpentSeconds,
                now);
        QuizCompleted event = new QuizCompleted(attempt.id(), quizId, userId, attempt.score(), attempt.maxScore(),
                timeSpentSeconds, now, outcomes);
        List<QuizDocument> documents = quizzes.documents(quizId);
        QuarkusTransaction.requiringNew().run(() -> {
            users.lock(userId, false);
            if (users.isDeleted(userId)) {
                throw QuizProblems.accountDeleted();
            }
            attempts.insert(attempt, List.copyOf(graded.values()));
            // keyed by the quiz: its QuizGenerated and QuizCompleted events stay in order on one partition
            outbox.append(quizId.toString(), event);
            // what the attempt got wrong comes back for review: committed with the attempt or not at all
            cards.addMissed(userId, questions, graded, documents, now);
        });
        metrics.attempted();
        return new AttemptDetails(attempt, questions, graded, documents);
    }

    public AttemptDetails get(UUID userId, UUID quizId, UUID attemptId) {
        quizzes.findOwned(userId, quizId).orElseThrow(() -> QuizProblems.quizNotFound(quizId));
        Attempt attempt = attempts.findOwned(userId, quizId, attemptId)
                .orElseThrow(() -> QuizProblems.attemptNotFound(attemptId));
        Map<UUID, AttemptAnswer> answers = new LinkedHashMap<>();
        attempts.answers(attemptId).forEach(a -> answers.put(a.questionId(), a));
        return new AttemptDetails(attempt, quizzes.questions(quizId), answers, quizzes.documents(quizId));
    }

    public record AttemptPage(List<Attempt> items, long total) {
    }

    public AttemptPage list(UUID userId, UUID quizId, int page, int size) {
        quizzes.findOwned(userId, quizId).orElseThrow(() -> QuizProblems.quizNotFound(quizId));
        return new AttemptPage(attempts.list(userId, quizId, page * size, size), attempts.count(userId, quizId));
    }
}
