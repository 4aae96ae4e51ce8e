package dev.lectavera.quiz.review.rest;

import dev.lectavera.quiz.review.fsrs.Rating;
import dev.lectavera.quiz.review.model.Card;
import dev.lectavera.quiz.review.model.ReviewSettings;
import dev.lectavera.quiz.review.service.ReviewService.Queue;
import dev.lectavera.quiz.review.service.ReviewService.QueuedCard;
import dev.lectavera.quiz.review.service.ReviewService.Reviewed;
import dev.lectavera.quiz.review.service.ReviewStatsService.Stats;

import java.util.List;
import java.util.stream.Stream;

/** Domain objects to the review API's views. */
final class ReviewViews {

    private ReviewViews() {
    }

    static CardView card(Card card, double retrievability) {
        return new CardView(card.id(), card.origin().wire(), card.questionId(), card.questionType(), card.prompt(),
                card.options(), card.answer(), card.explanation(), card.topic(),
                new CardView.CardSourceView(card.source().documentId(), card.source().documentTitle(),
                        card.source().page(), card.source().passage(), card.source().startOffset(),
                        card.source().endOffset()),
                card.memory().state().wire(), card.memory().due(), card.memory().lastReview(),
                card.memory().stability(), card.memory().difficulty(), retrievability, card.reps(), card.lapses(),
                card.suspended(), card.suspendedReason(), card.createdAt());
    }

    static CardView card(QueuedCard queued) {
        return card(queued.card(), queued.retrievability());
    }

    static QueueView queue(Queue queue) {
        List<QueueView.QueuedCardView> items = Stream.concat(queue.due().stream(), queue.fresh().stream())
                .map(q -> new QueueView.QueuedCardView(card(q), new QueueView.NextDue(q.nextDue().get(Rating.AGAIN),
                        q.nextDue().get(Rating.HARD), q.nextDue().get(Rating.GOOD), q.nextDue().get(Rating.EASY))))
                .toList();
        return new QueueView(queue.day(), items, queue.due().size(), queue.fresh().size(), queue.reviewsLeft(),
                queue.newLeft(), queue.settings().desiredRetention());
    }

    static ReviewResultView reviewed(Reviewed reviewed, double retrievabilityNow) {
        return new ReviewResultView(card(reviewed.card(), retrievabilityNow), reviewed.rating().wire(),
                reviewed.grade() == null ? null : reviewed.grade().correct(),
                reviewed.grade() == null ? null : reviewed.grade().method(),
                reviewed.suggested() == null ? null : reviewed.suggested().wire(), reviewed.retrievability(),
                reviewed.scheduledDays());
    }

    static SettingsView settings(ReviewSettings settings) {
        return new SettingsView(settings.desiredRetention(), settings.newPerDay(), settings.reviewsPerDay(),
                settings.timeZone().getId());
    }

    static StatsView stats(Stats stats) {
        return new StatsView(stats.today(), stats.reviewsPerDay().stream()
                .map(d -> new StatsView.DayReviewsView(d.day(), d.reviews(), d.again())).toList(),
                stats.trueRetention(), stats.retentionReviews(), stats.desiredRetention(),
                stats.forecast().stream().map(d -> new StatsView.DayCountView(d.day(), d.count())).toList(),
                stats.cardsByState());
    }
}
