package dev.lectavera.demo;

import dev.lectavera.demo.client.Api;
import dev.lectavera.demo.client.GatewayClient;
import dev.lectavera.demo.client.StudySocket;
import dev.lectavera.demo.sample.SampleDocument;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A student's first session with LectaVera, step by step, through the gateway only: register and log in,
 * upload the sample study guide, wait until it is indexed, ask questions over the study WebSocket, generate
 * a quiz and take it, read the analytics overview. Each step returns what it produced; the CLI
 * ({@link Demo}) prints it, the system test asserts it.
 */
public final class StudentJourney {

    /** A fresh account, logged in. */
    public record Registered(String userId, String email, String password, String accessToken) {
    }

    /** The upload was accepted: 202 (new document) or 200 (the same file again). */
    public record Uploaded(String documentId, int httpStatus, String status, int sizeBytes) {
    }

    /** The document is searchable. */
    public record Indexed(String documentId, String status, int pages, int chunks, Duration took) {
    }

    /** A study session over the indexed document. */
    public record Session(String sessionId, String title) {
    }

    /** A cited passage of an answer. */
    public record Cited(int marker, int page, String quote) {
    }

    /** An answer as completed over the WebSocket. */
    public record Answer(String question, String text, String verdict, boolean cached, String model,
                         List<Cited> citations, int streamedChunks, Duration took) {
    }

    /** A generated quiz, as the student sees it (no answer key). */
    public record Quiz(String id, String generator, int requested, List<Api.Question> questions, Duration took) {
    }

    /** One graded question. */
    public record Graded(int position, String type, String prompt, String yourAnswer, boolean correct,
                         String correctAnswer, int page) {
    }

    /** The graded attempt. */
    public record Attempt(String id, double score, double maxScore, double percent, List<Graded> results) {
    }

    /**
     * The review step: the queue after the quiz, whether its card was saved by choice (nothing was missed), and
     * the first card's review.
     */
    public record Review(List<Api.QueuedCard> queue, boolean savedByChoice, Api.QueuedCard reviewed,
                         Api.ReviewResult result) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration POLL = Duration.ofMillis(250);

    private final GatewayClient client;
    private final JourneyListener listener;
    private final OpenBookStudent student = new OpenBookStudent();

    public StudentJourney(GatewayClient client, JourneyListener listener) {
        this.client = Objects.requireNonNull(client);
        this.listener = listener == null ? JourneyListener.NONE : listener;
    }

    /** A random demo address, so every run is a new student. */
    public static String randomEmail() {
        return "demo+" + randomHex(6) + "@lectavera.dev";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Registers {@code demo+<random>@lectavera.dev} and logs in. */
    public Registered register() {
        String email = randomEmail();
        String password = "water-cycle-" + randomHex(8);
        Api.User user = client.register(email, password, "Demo Student");
        Api.Tokens tokens = client.login(email, password);
        return new Registered(user.id(), user.email(), password, tokens.accessToken());
    }

    /** Uploads the sample study guide (multipart field {@code file}). */
    public Uploaded upload(Registered user) {
        return upload(user, SampleDocument.pdf(), SampleDocument.FILE_NAME);
    }

    public Uploaded upload(Registered user, byte[] pdf, String fileName) {
        Api.Upload upload = client.upload(user.accessToken(), fileName, pdf, SampleDocument.TITLE);
        return new Uploaded(upload.id(), upload.httpStatus(), upload.status(), pdf.length);
    }

    /**
     * Polls the document's status until it is INDEXED (reporting each change to the listener), then reads its
     * page and chunk counts. A FAILED or NEEDS_OCR document, or the timeout, is an {@link IllegalStateException}.
     */
    public Indexed awaitIndexed(Registered user, Uploaded upload, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Api.DocumentStatus last = null;
        while (true) {
            Api.DocumentStatus status = client.documentStatus(user.accessToken(), upload.documentId());
            if (!status.equals(last)) {
                listener.indexing(status);
                last = status;
            }
            switch (status.status()) {
                case "INDEXED" -> {
                    Api.Document document = client.document(user.accessToken(), upload.documentId());
                    return new Indexed(document.id(), document.status(), nullToZero(document.pageCount()),
                            nullToZero(document.chunkCount()), Duration.ofNanos(System.nanoTime() - started));
                }
                case "FAILED", "NEEDS_OCR" -> throw new IllegalStateException("the document was not indexed: "
                        + status.status() + " (" + status.failureReason() + ")");
                default -> {
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the document was not indexed within " + timeout
                        + " (last status " + status.status() + ", " + status.pagesDone() + "/" + status.pagesTotal() + " pages)");
            }
            pause(POLL);
        }
    }

    public Session openSession(Registered user, Indexed document) {
        Api.StudySession session = client.createStudySession(user.accessToken(), "Studying " + SampleDocument.TITLE,
                List.of(document.documentId()));
        return new Session(session.id(), session.title());
    }

    /** Asks the questions one after another over one WebSocket, streaming each answer to the listener. */
    public List<Answer> ask(Registered user, Session session, List<String> questions, Duration timeoutEach) {
        List<Answer> answers = new ArrayList<>();
        try (StudySocket socket = client.openStudySocket(user.accessToken(), session.sessionId(), timeoutEach)) {
            for (String question : questions) {
                listener.asking(question);
                long started = System.nanoTime();
                StudySocket.CompletedAnswer done = socket.ask(question, new StudySocket.AnswerStream() {
                    @Override
                    public void chunk(String delta) {
                        listener.answerChunk(delta);
                    }

                    @Override
                    public void reset(String reason) {
                        listener.answerReset(reason);
                    }
                }, timeoutEach);
                Answer answer = new Answer(question, done.content(), done.verdict(), done.cached(), done.model(),
                        done.citations().stream().map(c -> new Cited(c.marker(), c.page(), c.quote())).toList(),
                        done.chunks(), Duration.ofNanos(System.nanoTime() - started));
                listener.answered(answer);
                answers.add(answer);
            }
        }
        return List.copyOf(answers);
    }

    public Quiz generateQuiz(Registered user, Indexed document, int count) {
        long started = System.nanoTime();
        Api.Quiz quiz = client.generateQuiz(user.accessToken(), List.of(document.documentId()), count, "medium");
        return new Quiz(quiz.id(), quiz.generator(), quiz.requestedCount(), List.copyOf(quiz.questions()),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Takes the quiz the way {@link OpenBookStudent} does (reading the page each question cites, never the answer
     * key), submits the answers and returns the graded attempt.
     */
    public Attempt takeQuiz(Registered user, Quiz quiz) {
        long started = System.nanoTime();
        Map<String, String> pages = new HashMap<>();
        List<Api.AnswerSubmission> answers = new ArrayList<>();
        for (Api.Question question : quiz.questions()) {
            String documentId = question.source().documentId();
            int page = question.source().page();
            String pageText = pages.computeIfAbsent(documentId + "#" + page,
                    k -> client.page(user.accessToken(), documentId, page).text());
            String answer = student.answer(question, pageText);
            listener.quizAnswer(question, answer);
            answers.add(new Api.AnswerSubmission(question.id(), answer));
        }
        int seconds = (int) Math.max(1, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        Api.Attempt attempt = client.submitAttempt(user.accessToken(), quiz.id(), answers, seconds);
        List<Graded> results = attempt.results().stream()
                .map(r -> new Graded(r.position(), r.type(), r.prompt(), r.yourAnswer(), r.correct(),
                        r.correctAnswer(), r.page()))
                .toList();
        return new Attempt(attempt.id(), attempt.score(), attempt.maxScore(), attempt.percent(), results);
    }

    /**
     * The review queue after the quiz: the questions it missed are cards there, each with its page. When the quiz
     * went perfectly the student saves its first question as a card instead. The first card is then reviewed by
     * typing its answer (recalled from the reveal), which the grading turns into a rating.
     */
    public Review review(Registered user, Quiz quiz, Attempt attempt) {
        Api.ReviewQueue queue = client.reviewQueue(user.accessToken());
        boolean savedByChoice = false;
        if (queue.items().isEmpty() && !quiz.questions().isEmpty()) {
            client.saveQuestionAsCard(user.accessToken(), quiz.questions().getFirst().id());
            queue = client.reviewQueue(user.accessToken());
            savedByChoice = true;
        }
        if (queue.items().isEmpty()) {
            return new Review(List.of(), savedByChoice, null, null);
        }
        Api.QueuedCard first = queue.items().getFirst();
        Api.ReviewResult result = client.reviewCard(user.accessToken(), first.card().id(), first.card().answer());
        return new Review(List.copyOf(queue.items()), savedByChoice, first, result);
    }

    /** The analytics overview now (events reach analytics-service through Kafka, so it may lag a little). */
    public Api.Overview overview(Registered user) {
        return client.overview(user.accessToken());
    }

    /** Polls the overview until {@code reached} holds; returns the last overview either way. */
    public Api.Overview awaitOverview(Registered user, Predicate<Api.Overview> reached, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Api.Overview overview = overview(user);
            listener.analytics(overview);
            if (reached.test(overview) || System.nanoTime() > deadline) {
                return overview;
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** What the journey above should show in the overview of a new user. */
    public static Predicate<Api.Overview> reflects(int documents, int questions, int quizzes) {
        return o -> o.documentsIndexed() >= documents && o.questionsAsked() >= questions && o.quizzesTaken() >= quizzes;
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
