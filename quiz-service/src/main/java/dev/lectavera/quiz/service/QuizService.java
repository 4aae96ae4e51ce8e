package dev.lectavera.quiz.service;

import dev.lectavera.contracts.events.QuizGenerated;
import dev.lectavera.outbox.OutboxWriter;
import dev.lectavera.quiz.client.DocumentInfo;
import dev.lectavera.quiz.generation.GenerationRequest;
import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.generation.SourcePage;
import dev.lectavera.quiz.model.GenerationMetadata;
import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.model.Quiz;
import dev.lectavera.quiz.model.QuizDocument;
import dev.lectavera.quiz.model.QuizSummary;
import dev.lectavera.quiz.repository.AttemptRepository;
import dev.lectavera.quiz.repository.QuizRepository;
import dev.lectavera.quiz.repository.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Generates, stores and serves quizzes. Generation checks every document with document-service (the caller's own
 * token: somebody else's document is a 404 there and here), reads the pages, runs the generator outside any
 * transaction, then stores the quiz and its QuizGenerated event in one transaction.
 *
 * <p>A deleted user (UserDeleted applied: {@code deleted_user}) stores nothing more: the request is refused up
 * front, and again under the user's lock in the storing transaction, so a generation still running when the purge
 * commits stores nothing either.
 */
@ApplicationScoped
public class QuizService {

    private static final Logger LOG = Logger.getLogger(QuizService.class);

    private final DocumentSources documents;
    private final QuizGenerators generators;
    private final QuizRepository quizzes;
    private final AttemptRepository attempts;
    private final UserRepository users;
    private final OutboxWriter outbox;
    private final QuizMetrics metrics;

    QuizService(DocumentSources documents, QuizGenerators generators, QuizRepository quizzes,
                AttemptRepository attempts, UserRepository users, OutboxWriter outbox, QuizMetrics metrics) {
        this.documents = documents;
        this.generators = generators;
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.users = users;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public QuizDetails generate(UUID userId, String authorization, GenerateCommand command) {
        long started = System.nanoTime();
        if (users.isDeleted(userId)) {
            throw QuizProblems.accountDeleted();
        }
        List<DocumentInfo> sources = documents.indexedDocuments(authorization, command.documentIds());
        List<SourcePage> pageTexts = documents.pages(authorization, sources);
        GenerationResult result = generators.generate(
                new GenerationRequest(pageTexts, command.count(), command.difficulty(), command.types()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.generated(result, took);
        if (result.questions().isEmpty()) {
            throw QuizProblems.nothingToAsk(result);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID quizId = UUID.randomUUID();
        Quiz quiz = new Quiz(quizId, userId, title(sources), command.difficulty().wire(),
                command.types().stream().map(QuestionType::wire).toList(), command.count(), result.questions().size(),
                result.generator(), GenerationMetadata.of(command.count(), result, took.toMillis()), false, now);
        List<QuizDocument> quizDocuments = sources.stream()
                .map(d -> new QuizDocument(d.id(), d.title(), d.version(), null)).toList();
        List<Question> questions = new ArrayList<>();
        for (QuestionDraft draft : result.questions()) {
            questions.add(new Question(UUID.randomUUID(), quizId, questions.size() + 1, draft.type().wire(),
                    draft.prompt(), draft.options(), draft.answer(), draft.explanation(), draft.topic(),
                    draft.source().documentId(), draft.source().page(), draft.source().passage(),
                    draft.source().startOffset(), draft.source().endOffset()));
        }
        QuizGenerated event = new QuizGenerated(quizId, userId, command.documentIds(), questions.size(),
                quiz.difficulty(), quiz.generator(), now);
        QuarkusTransaction.requiringNew().run(() -> {
            users.lock(userId, false);
            if (users.isDeleted(userId)) {
                throw QuizProblems.accountDeleted();
            }
            quizzes.insert(quiz, quizDocuments, questions);
            outbox.append(quizId.toString(), event);
        });
        LOG.infof("Quiz %s: %d of %d questions by %s in %d ms", quizId, questions.size(), command.count(),
                quiz.generator(), took.toMillis());
        return new QuizDetails(quiz, quizDocuments, questions, 0);
    }

    public QuizDetails get(UUID userId, UUID quizId) {
        Quiz quiz = quizzes.findOwned(userId, quizId).orElseThrow(() -> QuizProblems.quizNotFound(quizId));
        return new QuizDetails(quiz, quizzes.documents(quizId), quizzes.questions(quizId),
                attempts.count(userId, quizId));
    }

    public record QuizPage(List<QuizSummary> items, long total) {
    }

    public QuizPage list(UUID userId, int page, int size) {
        return new QuizPage(quizzes.list(userId, page * size, size), quizzes.count(userId));
    }

    /** DocumentDeleted: the quizzes built on it keep their questions and say their source is gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markDocumentDeleted(UUID documentId, Instant deletedAt) {
        return quizzes.markDocumentDeleted(documentId, deletedAt == null ? Instant.now() : deletedAt);
    }

    /**
     * UserDeleted: everything of the user goes, and a tombstone stays so that no late write brings anything back.
     * Exclusive on the user's lock: a quiz or an attempt being stored right now commits before (and is deleted
     * here) or checks the tombstone after (and is refused).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purgeUser(UUID userId, Instant deletedAt) {
        users.lock(userId, true);
        users.tombstone(userId, deletedAt == null ? Instant.now() : deletedAt);
        return quizzes.deleteByUser(userId);
    }

    private static String title(List<DocumentInfo> sources) {
        String first = sources.getFirst().title();
        return sources.size() == 1 ? "Quiz: " + first
                : "Quiz: " + first + " and " + (sources.size() - 1) + " more document"
                + (sources.size() == 2 ? "" : "s");
    }
}
