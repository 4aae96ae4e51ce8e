package dev.lectavera.quiz.review.service;

import dev.lectavera.contracts.events.ReviewCompleted;
import dev.lectavera.outbox.OutboxWriter;
import dev.lectavera.quiz.grading.Grade;
import dev.lectavera.quiz.grading.Grading;
import dev.lectavera.quiz.repository.UserRepository;
import dev.lectavera.quiz.review.fsrs.CardState;
import dev.lectavera.quiz.review.fsrs.FsrsScheduler;
import dev.lectavera.quiz.review.fsrs.MemoryState;
import dev.lectavera.quiz.review.fsrs.Rating;
import dev.lectavera.quiz.review.model.Card;
import dev.lectavera.quiz.review.model.ReviewLogEntry;
import dev.lectavera.quiz.review.model.ReviewSettings;
import dev.lectavera.quiz.review.repository.CardRepository;
import dev.lectavera.quiz.review.repository.ReviewLogRepository;
import dev.lectavera.quiz.review.repository.ReviewLogRepository.DayCounts;
import dev.lectavera.quiz.service.QuizProblems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * The due queue and reviews. The queue is today's due cards (day intervals due by the end of the user's day,
 * learning steps once due), most overdue first, then new cards, oldest first, within what is left of the day's
 * limits. A review applies FSRS-6 to the locked card, appends the review log and the ReviewCompleted event in one
 * transaction.
 */
@ApplicationScoped
public class ReviewService {

    private final CardRepository cards;
    private final ReviewLogRepository log;
    private final ReviewSettingsService settings;
    private final ReviewScheduling scheduling;
    private final UserRepository users;
    private final Grading grading;
    private final OutboxWriter outbox;
    private final Clock clock;

    ReviewService(CardRepository cards, ReviewLogRepository log, ReviewSettingsService settings,
                  ReviewScheduling scheduling, UserRepository users, Grading grading, OutboxWriter outbox,
                  Clock clock) {
        this.cards = cards;
        this.log = log;
        this.settings = settings;
        this.scheduling = scheduling;
        this.users = users;
        this.grading = grading;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A card in the queue, with the interval each rating would give it now. */
    public record QueuedCard(Card card, double retrievability, Map<Rating, Instant> nextDue) {
    }

    public record Queue(LocalDate day, List<QueuedCard> due, List<QueuedCard> fresh, int reviewsLeft, int newLeft,
                        ReviewSettings settings) {
    }

    public Queue queue(UUID userId, UUID documentId, int limit) {
        ReviewSettings current = settings.get(userId);
        Instant now = clock.instant();
        ReviewDay day = ReviewDay.of(now, current.timeZone());
        DayCounts done = log.countsSince(userId, day.start());
        int reviewsLeft = Math.max(0, current.reviewsPerDay() - done.reviews());
        int newLeft = Math.max(0, current.newPerDay() - done.newCards());
        List<Card> due = cards.dueReviews(userId, now, day.end(), documentId, Math.min(limit, reviewsLeft));
        List<Card> fresh = cards.newCards(userId, documentId, Math.min(limit - due.size(), newLeft));
        FsrsScheduler scheduler = scheduling.forRetention(current.desiredRetention());
        return new Queue(day.date(), due.stream().map(c -> queued(scheduler, c, now)).toList(),
                fresh.stream().map(c -> queued(scheduler, c, now)).toList(), reviewsLeft, newLeft, current);
    }

    /** Each card's predicted recall now, by the user's scheduler. */
    public ToDoubleFunction<Card> retrievabilityNow(UUID userId) {
        FsrsScheduler scheduler = scheduling.forRetention(settings.get(userId).desiredRetention());
        Instant now = clock.instant();
        return card -> scheduler.retrievability(card.memory(), now);
    }

    private static QueuedCard queued(FsrsScheduler scheduler, Card card, Instant now) {
        Map<Rating, Instant> next = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            next.put(rating, scheduler.review(card.memory(), rating, now, ReviewScheduling.fuzzSeed(card)).due());
        }
        return new QueuedCard(card, scheduler.retrievability(card.memory(), now), next);
    }

    /** What a review did: the card after it, the rating applied, and the typed answer's grade when one was given. */
    public record Reviewed(Card card, Rating rating, Grade grade, Rating suggested, double retrievability,
                           int scheduledDays) {
    }

    /**
     * Reviews the card. With a typed answer and no rating, the answer's grade decides (correct: Good, wrong: Again);
     * with both, the student's rating stands and the suggestion is returned beside it.
     */
    public Reviewed review(UUID userId, UUID cardId, Rating requested, String typedAnswer) {
        if (requested == null && (typedAnswer == null || typedAnswer.isBlank())) {
            throw QuizProblems.badField("rating", "Give a rating (again, hard, good or easy), a typed answer, or"
                    + " both.");
        }
        if (users.isDeleted(userId)) {
            throw QuizProblems.accountDeleted();
        }
        Card seen = cards.findOwned(userId, cardId).orElseThrow(() -> QuizProblems.cardNotFound(cardId));
        // graded before the transaction: a model asked about a typed answer never holds a connection
        Grade grade = typedAnswer == null || typedAnswer.isBlank() ? null
                : grading.grade(CardDrafts.asQuestion(seen), typedAnswer);
        Rating suggested = grade == null ? null : grade.correct() ? Rating.GOOD : Rating.AGAIN;
        Rating rating = requested != null ? requested : suggested;
        ReviewSettings current = settings.get(userId);
        FsrsScheduler scheduler = scheduling.forRetention(current.desiredRetention());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.requiringNew().call(() -> {
            users.lock(userId, false);
            if (users.isDeleted(userId)) {
                throw QuizProblems.accountDeleted();
            }
            Card card = cards.lockOwned(userId, cardId).orElseThrow(() -> QuizProblems.cardNotFound(cardId));
            if (card.suspended()) {
                throw QuizProblems.badField("cardId", "Card " + cardId + " is suspended"
                        + (Card.SUSPENDED_DOCUMENT_DELETED.equals(card.suspendedReason())
                        ? " (its document was deleted)" : "") + ": resume it before reviewing it.");
            }
            MemoryState before = card.memory();
            double retrievability = scheduler.retrievability(before, now);
            MemoryState after = scheduler.review(before, rating, now, ReviewScheduling.fuzzSeed(card));
            int lapses = card.lapses() + (before.state() == CardState.REVIEW && rating == Rating.AGAIN ? 1 : 0);
            cards.updateSchedule(cardId, after, card.reps() + 1, lapses);
            Integer elapsed = before.lastReview() == null ? null
                    : (int) Duration.between(before.lastReview(), now).toDays();
            int scheduled = (int) Duration.between(now, after.due()).toDays();
            log.append(new ReviewLogEntry(cardId, userId, rating, now, elapsed, scheduled, before.state(),
                    after.state(), before.stability(), after.stability(), before.difficulty(), after.difficulty(),
                    retrievability, typedAnswer, grade == null ? null : grade.correct()));
            outbox.append(cardId.toString(), new ReviewCompleted(cardId, userId, card.source().documentId(),
                    card.source().page(), card.topic(), rating.wire(), before.state().wire(), after.state().wire(),
                    elapsed, retrievability, after.stability(), after.difficulty(), ReviewScheduling.decay(),
                    current.desiredRetention(), now, after.due()));
            Card updated = cards.findOwned(userId, cardId).orElseThrow();
            return new Reviewed(updated, rating, grade, suggested, retrievability, scheduled);
        });
    }
}
