package dev.lectavera.quiz.rest;

import dev.lectavera.quiz.model.Attempt;
import dev.lectavera.quiz.model.AttemptAnswer;
import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.model.Quiz;
import dev.lectavera.quiz.model.QuizDocument;
import dev.lectavera.quiz.model.QuizSummary;
import dev.lectavera.quiz.service.AttemptDetails;
import dev.lectavera.quiz.service.QuizDetails;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Domain to API views. */
final class QuizViews {

    private QuizViews() {
    }

    static QuizView quiz(QuizDetails details) {
        Quiz quiz = details.quiz();
        boolean revealed = details.attemptCount() > 0;
        Map<UUID, QuizDocument> documents = byId(details.documents());
        List<QuestionView> questions = new ArrayList<>();
        for (Question q : details.questions()) {
            questions.add(new QuestionView(q.id(), q.position(), q.type(), q.prompt(), options(q), quiz.difficulty(),
                    q.topic(), source(q, documents.get(q.documentId()), !revealed),
                    revealed ? q.answer() : null, revealed ? q.explanation() : null));
        }
        return new QuizView(quiz.id(), quiz.title(), quiz.difficulty(), quiz.types(), quiz.requestedCount(),
                quiz.questionCount(), quiz.generator(), quiz.sourceDeleted(), quiz.createdAt(),
                details.documents().stream().map(QuizViews::document).toList(), questions, quiz.generation(),
                details.attemptCount(), revealed);
    }

    static QuizSummaryView summary(QuizSummary summary) {
        Quiz quiz = summary.quiz();
        return new QuizSummaryView(quiz.id(), quiz.title(), quiz.difficulty(), quiz.questionCount(), quiz.generator(),
                quiz.sourceDeleted(), quiz.createdAt(), summary.attemptCount(), summary.bestScore(),
                summary.bestMaxScore(), summary.bestScore() == null ? null
                : percent(summary.bestScore(), summary.bestMaxScore()));
    }

    static AttemptView attempt(AttemptDetails details) {
        Attempt attempt = details.attempt();
        Map<UUID, QuizDocument> documents = byId(details.documents());
        List<QuestionResultView> results = new ArrayList<>();
        for (Question q : details.questions()) {
            AttemptAnswer answer = details.answers().get(q.id());
            results.add(new QuestionResultView(q.id(), q.position(), q.type(), q.prompt(), options(q), q.topic(),
                    answer == null ? null : answer.answer(), answer != null && answer.correct(),
                    answer == null ? "unanswered" : answer.grading(), q.answer(), q.explanation(), q.page(),
                    source(q, documents.get(q.documentId()), false)));
        }
        return new AttemptView(attempt.id(), attempt.quizId(), attempt.score(), attempt.maxScore(),
                percent(attempt.score(), attempt.maxScore()), attempt.timeSpentSeconds(), attempt.completedAt(),
                results);
    }

    static AttemptSummaryView attemptSummary(Attempt attempt) {
        return new AttemptSummaryView(attempt.id(), attempt.score(), attempt.maxScore(),
                percent(attempt.score(), attempt.maxScore()), attempt.timeSpentSeconds(), attempt.completedAt());
    }

    private static SourceView source(Question q, QuizDocument document, boolean masked) {
        String title = document == null ? null : document.title();
        boolean deleted = document != null && document.deletedAt() != null;
        return new SourceView(q.documentId(), title, q.page(), masked ? AnswerMask.mask(q) : q.passage(), masked,
                q.startOffset(), q.endOffset(), deleted);
    }

    private static DocumentRefView document(QuizDocument d) {
        return new DocumentRefView(d.documentId(), d.title(), d.version(), d.deletedAt() != null, d.deletedAt());
    }

    private static List<String> options(Question q) {
        return q.options().isEmpty() ? null : q.options();
    }

    private static Map<UUID, QuizDocument> byId(List<QuizDocument> documents) {
        Map<UUID, QuizDocument> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.documentId(), d));
        return byId;
    }

    static double percent(double score, double maxScore) {
        return maxScore <= 0 ? 0 : Math.round(score / maxScore * 1000) / 10.0;
    }
}
