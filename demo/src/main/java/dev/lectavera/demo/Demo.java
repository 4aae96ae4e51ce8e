package dev.lectavera.demo;

import dev.lectavera.demo.client.Api;
import dev.lectavera.demo.client.GatewayClient;
import dev.lectavera.demo.client.GatewayException;
import dev.lectavera.demo.client.GatewayUnreachableException;
import dev.lectavera.demo.sample.SampleDocument;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./lectavera demo}: what LectaVera does, in under a minute, against a running system. Registers a new
 * demo student, uploads the sample study guide, shows the indexing, asks three questions over the WebSocket
 * (answers printed as they stream, then their citations), generates a five-question quiz, takes it, prints the
 * grading, the missed questions in the review queue (FSRS-6) with one of them reviewed, and finally the analytics
 * overview once the events have flowed through Kafka.
 *
 * <pre>
 * usage: Demo [--gateway http://localhost:8080] [--pdf &lt;path&gt;]
 *   --pdf &lt;path&gt;  only write the sample PDF to &lt;path&gt; (to upload it yourself) and exit
 * </pre>
 */
public final class Demo {

    static final int QUIZ_QUESTIONS = 5;
    private static final Duration INDEXING_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANALYTICS_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final boolean terminal;

    Demo(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Held so the setting sticks: PDFBox warns on stderr that it maps Helvetica to a system font for display. */
    private static final java.util.logging.Logger PDFBOX_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    public static void main(String[] args) {
        PDFBOX_LOG.setLevel(java.util.logging.Level.SEVERE);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        URI gateway = URI.create("http://localhost:8080");
        Path pdf = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = URI.create(value(args, ++i, "--gateway"));
                case "--pdf" -> pdf = Path.of(value(args, ++i, "--pdf"));
                case "-h", "--help" -> {
                    out.println("usage: ./lectavera demo [--gateway http://localhost:8080] [--pdf <path>]");
                    out.println("  --gateway <url>  the LectaVera gateway to talk to (default http://localhost:8080)");
                    out.println("  --pdf <path>     only write the sample study PDF to <path> (to upload it yourself) and exit");
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (pdf != null) {
            try {
                Path written = SampleDocument.writePdf(pdf);
                out.println("Wrote the sample study guide \"" + SampleDocument.TITLE + "\" ("
                        + SampleDocument.pages().size() + " pages) to " + written.toAbsolutePath());
                return;
            } catch (IOException e) {
                System.err.println("could not write " + pdf + ": " + e.getMessage());
                System.exit(1);
            }
        }
        System.exit(new Demo(out, System.console() != null).run(gateway));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println(flag + " needs a value (try --help)");
            System.exit(2);
        }
        return args[i];
    }

    /** Runs the whole journey; returns the process exit code. */
    int run(URI gateway) {
        long started = System.nanoTime();
        GatewayClient client = new GatewayClient(gateway);
        out.println("LectaVera demo against " + client.gateway());
        if (!client.ready()) {
            System.err.println("LectaVera's gateway is not answering at " + client.gateway()
                    + ". Start the system first: ./lectavera start");
            return 2;
        }
        String step = "register";
        try {
            StudentJourney journey = new StudentJourney(client, new Printer());

            heading(1, "Register");
            StudentJourney.Registered user = journey.register();
            out.println("   new student " + user.email() + "  (user " + user.userId() + ")");

            step = "upload";
            heading(2, "Upload");
            StudentJourney.Uploaded upload = journey.upload(user);
            out.printf(Locale.ROOT, "   \"%s\" (%s, %d pages, %.1f KB) -> HTTP %d %s, document %s%n",
                    SampleDocument.TITLE, SampleDocument.FILE_NAME, SampleDocument.pages().size(),
                    upload.sizeBytes() / 1024.0, upload.httpStatus(), upload.status(), upload.documentId());

            step = "indexing";
            heading(3, "Indexing (extract, chunk, embed)");
            StudentJourney.Indexed indexed = journey.awaitIndexed(user, upload, INDEXING_TIMEOUT);
            endProgressLine();
            out.printf(Locale.ROOT, "   %s: %d pages, %d chunks, searchable after %s%n", indexed.status(),
                    indexed.pages(), indexed.chunks(), seconds(indexed.took()));

            step = "ask";
            heading(4, "Ask (WebSocket /ws/study, answers streamed with page citations)");
            StudentJourney.Session session = journey.openSession(user, indexed);
            out.println("   study session " + session.sessionId());
            journey.ask(user, session, SampleDocument.QUESTIONS.stream().map(SampleDocument.SampleQuestion::question)
                    .toList(), ANSWER_TIMEOUT);

            step = "quiz";
            heading(5, "Quiz");
            StudentJourney.Quiz quiz = journey.generateQuiz(user, indexed, QUIZ_QUESTIONS);
            out.printf(Locale.ROOT, "   %d questions by %s in %s; the demo student answers with the book open:%n",
                    quiz.questions().size(), quiz.generator(), seconds(quiz.took()));
            StudentJourney.Attempt attempt = journey.takeQuiz(user, quiz);

            heading(6, "Graded");
            out.printf(Locale.ROOT, "   score %s / %s (%s%%)%n", number(attempt.score()), number(attempt.maxScore()),
                    number(attempt.percent()));
            for (StudentJourney.Graded graded : attempt.results()) {
                out.printf(Locale.ROOT, "   %s %d. %s%n", graded.correct() ? "right" : "WRONG", graded.position(),
                        graded.correct() ? "\"" + graded.yourAnswer() + "\""
                                : "answered \"" + graded.yourAnswer() + "\", the answer is \"" + graded.correctAnswer()
                                + "\" (p. " + graded.page() + ")");
            }

            step = "review";
            heading(7, "Review (spaced repetition, FSRS-6)");
            StudentJourney.Review review = journey.review(user, quiz, attempt);
            printReview(review);

            step = "analytics";
            heading(8, "Analytics (built from the Kafka events)");
            Api.Overview overview = journey.awaitOverview(user, StudentJourney.reflects(1, 3, 1), ANALYTICS_TIMEOUT);
            endProgressLine();
            boolean complete = StudentJourney.reflects(1, 3, 1).test(overview);
            out.printf(Locale.ROOT, "   documents indexed %d (%d pages) | questions asked %d | quizzes taken %d"
                            + " | average score %s | best %s | minutes studied %d | streak %d day(s)%n",
                    overview.documentsIndexed(), overview.pagesIndexed(), overview.questionsAsked(),
                    overview.quizzesTaken(), percent(overview.averageScore()), percent(overview.bestScore()),
                    overview.minutesStudied(), overview.currentStreakDays());
            Api.ReviewSummary reviews = overview.review();
            if (reviews != null) {
                out.printf(Locale.ROOT, "   reviews %d | cards reviewed %d | due now %d%n", reviews.reviewsTotal(),
                        reviews.cardsReviewed(), reviews.dueNow());
            }
            if (!complete) {
                out.println("   (the events had not all arrived after " + seconds(ANALYTICS_TIMEOUT)
                        + "; is Kafka up? ./lectavera status)");
            }
            out.println();
            out.println("Done in " + seconds(Duration.ofNanos(System.nanoTime() - started))
                    + ". Log in as " + user.email() + " / " + user.password() + " to look around (API: "
                    + client.gateway() + ", e.g. GET /api/v1/documents).");
            out.println("The sample PDF to upload yourself: ./lectavera demo --pdf water-cycle.pdf");
            return complete ? 0 : 1;
        } catch (GatewayUnreachableException e) {
            endProgressLine();
            System.err.println(e.getMessage() + ". Is LectaVera running? Start it with: ./lectavera start");
            return 2;
        } catch (GatewayException e) {
            endProgressLine();
            System.err.println("The " + step + " step failed: " + e.getMessage());
            if (e.status() == 429) {
                System.err.println("(rate limited: wait a minute and run the demo again)");
            }
            return 1;
        } catch (RuntimeException e) {
            endProgressLine();
            System.err.println("The " + step + " step failed: " + e.getMessage());
            return 1;
        }
    }

    private void printReview(StudentJourney.Review review) {
        reviewReport(review, Instant.now()).forEach(out::println);
    }

    /** What the review step prints: the queue, the first card's buttons and its review (due times from {@code now}). */
    public static List<String> reviewReport(StudentJourney.Review review, Instant now) {
        if (review.queue().isEmpty()) {
            return List.of("   the review queue is empty");
        }
        List<String> lines = new ArrayList<>();
        lines.add("   " + (review.savedByChoice()
                ? "nothing was missed, so the student saved the first question as a card; the review queue:"
                : review.queue().size() + " missed question(s) now in the review queue, each with its page:"));
        for (Api.QueuedCard queued : review.queue()) {
            Api.Card card = queued.card();
            lines.add(String.format(Locale.ROOT, "   - p. %d  %s  -> \"%s\"", card.source().page(), card.prompt(),
                    card.answer()));
        }
        Api.QueuedCard first = review.reviewed();
        lines.add(String.format(Locale.ROOT, "   buttons on the first card: again %s | hard %s | good %s | easy %s",
                until(now, first.next().again()), until(now, first.next().hard()), until(now, first.next().good()),
                until(now, first.next().easy())));
        Api.ReviewResult result = review.result();
        lines.add(String.format(Locale.ROOT, "   reviewed it: typed \"%s\" -> %s, rated %s; now %s, due again in %s",
                first.card().answer(), Boolean.TRUE.equals(result.answerCorrect()) ? "correct" : "wrong",
                result.rating(), result.card().state(), until(now, result.card().due())));
        return lines;
    }

    /** A due time as "10 min", "5 h" or "3 days" from now. */
    private static String until(Instant now, String due) {
        long minutes = Math.max(0, Math.round(Duration.between(now, Instant.parse(due)).getSeconds() / 60.0));
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = Math.round(minutes / 60.0);
        return hours < 48 ? hours + " h" : Math.round(hours / 24.0) + " days";
    }

    private void heading(int number, String title) {
        out.println();
        out.println(number + ". " + title);
    }

    private boolean progressLineOpen;

    private void endProgressLine() {
        if (progressLineOpen) {
            out.println();
            progressLineOpen = false;
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(Double value) {
        return value == null ? "-" : number(value) + "%";
    }

    /** Prints the journey's live events. */
    private final class Printer implements JourneyListener {

        @Override
        public void indexing(Api.DocumentStatus status) {
            int total = status.pagesTotal() == null ? 0 : status.pagesTotal();
            int width = 20;
            int filled = total == 0 ? 0 : Math.min(width, status.pagesDone() * width / total);
            String line = String.format(Locale.ROOT, "   [%s%s] %d/%s pages  %s", "#".repeat(filled),
                    ".".repeat(width - filled), status.pagesDone(), total == 0 ? "?" : String.valueOf(total),
                    status.status());
            if (terminal) {
                out.print("\r" + line + "   ");
                progressLineOpen = true;
            } else {
                out.println(line);
            }
        }

        @Override
        public void asking(String question) {
            out.println();
            out.println("   Q: " + question);
            out.print("   A: ");
        }

        @Override
        public void answerChunk(String delta) {
            out.print(delta);
            out.flush();
        }

        @Override
        public void answerReset(String reason) {
            out.println(" [the model failed (" + reason + "); answering again offline]");
            out.print("   A: ");
        }

        @Override
        public void answered(StudentJourney.Answer answer) {
            out.println();
            for (StudentJourney.Cited cited : answer.citations()) {
                out.println("      [" + cited.marker() + "] p. " + cited.page() + ": \"" + oneLine(cited.quote()) + "\"");
            }
            out.printf(Locale.ROOT, "      verdict %s, %s, streamed in %d chunk(s), %s, %s%n", answer.verdict(),
                    answer.cached() ? "from the answer cache" : "not cached", answer.streamedChunks(),
                    answer.model(), seconds(answer.took()));
        }

        @Override
        public void quizAnswer(Api.Question question, String answer) {
            out.printf(Locale.ROOT, "   %d. [%s, p. %d] %s%n", question.position(), question.type().replace('_', ' '),
                    question.source().page(), oneLine(question.prompt()));
            List<String> options = question.options();
            if (options != null && !options.isEmpty() && !"true_false".equals(question.type())) {
                out.println("      options: " + String.join(" | ", options));
            }
            out.println("      answer: " + answer);
        }

        @Override
        public void analytics(Api.Overview overview) {
            String line = String.format(Locale.ROOT, "   waiting for the events: documents %d, questions %d, quizzes %d",
                    overview.documentsIndexed(), overview.questionsAsked(), overview.quizzesTaken());
            if (terminal) {
                out.print("\r" + line + "   ");
                progressLineOpen = true;
            }
        }

        private String oneLine(String text) {
            return text == null ? "" : text.replaceAll("\\s+", " ").strip();
        }
    }
}
