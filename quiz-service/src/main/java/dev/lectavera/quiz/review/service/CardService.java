package dev.lectavera.quiz.review.service;

import dev.lectavera.contracts.events.CardSuspended;
import dev.lectavera.outbox.OutboxWriter;
import dev.lectavera.quiz.model.AttemptAnswer;
import dev.lectavera.quiz.model.Question;
import dev.lectavera.quiz.model.QuizDocument;
import dev.lectavera.quiz.repository.AttemptRepository;
import dev.lectavera.quiz.repository.QuizRepository;
import dev.lectavera.quiz.repository.UserRepository;
import dev.lectavera.quiz.review.model.Card;
import dev.lectavera.quiz.review.model.CardOrigin;
import dev.lectavera.quiz.review.repository.CardRepository;
import dev.lectavera.quiz.review.repository.CardRepository.CardFilter;
import dev.lectavera.quiz.review.repository.ReviewSettingsRepository;
import dev.lectavera.quiz.service.QuizProblems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A user's cards: made from missed questions (in the grading transaction), saved from a question, read, listed,
 * suspended, resumed and deleted; suspended when their document is deleted; purged with their user. Cards saved from
 * citations and generated flashcards come through {@link SourcedCards}.
 */
@ApplicationScoped
public class CardService {

    private final CardRepository cards;
    private final QuizRepository quizzes;
    private final AttemptRepository attempts;
    private final ReviewSettingsRepository settings;
    private final UserRepository users;
    private final OutboxWriter outbox;
    private final Clock clock;

    CardService(CardRepository cards, QuizRepository quizzes, AttemptRepository attempts,
                ReviewSettingsRepository settings, UserRepository users, OutboxWriter outbox, Clock clock) {
        this.cards = cards;
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.settings = settings;
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Within the grading transaction: a card for every question the attempt got wrong or left out, unless the user
     * already has one asking the same thing.
     *
     * @return cards made
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int addMissed(UUID userId, List<Question> questions, Map<UUID, AttemptAnswer> graded,
                         List<QuizDocument> documents, Instant now) {
        int made = 0;
        for (Question question : questions) {
            AttemptAnswer answer = graded.get(question.id());
            if (answer != null && !answer.correct()) {
                Card card = CardDrafts.fromQuestion(userId, CardOrigin.MISSED_QUESTION, question,
                        title(documents, question.documentId()), now);
                if (documentDeleted(documents, question.documentId())) {
                    card = CardDrafts.suspended(card, Card.SUSPENDED_DOCUMENT_DELETED);
                }
                if (cards.insertIfAbsent(card, CardDrafts.dedupeKey(question.documentId(), question.prompt()))) {
                    made++;
                }
            }
        }
        return made;
    }

    public record Saved(Card card, boolean created) {
    }

    /** The student's pick from one of their quizzes' questions (once the quiz has been attempted). */
    public Saved saveQuestion(UUID userId, UUID questionId) {
        Question question = quizzes.findOwnedQuestion(userId, questionId)
                .orElseThrow(() -> QuizProblems.questionNotFound(questionId));
        if (attempts.count(userId, question.quizId()) == 0) {
            throw QuizProblems.questionNotAttempted(questionId);
        }
        String title = title(quizzes.documents(question.quizId()), question.documentId());
        Instant now = clock.instant();
        return store(userId, CardDrafts.fromQuestion(userId, CardOrigin.QUESTION, question, title, now),
                CardDrafts.dedupeKey(question.documentId(), question.prompt()));
    }

    /** Stores the card, or finds the user's card asking the same thing. */
    Saved store(UUID userId, Card card, String dedupeKey) {
        return writing(userId, () -> cards.insertIfAbsent(card, dedupeKey) ? new Saved(card, true)
                : new Saved(cards.findByDedupeKey(userId, dedupeKey).orElseThrow(), false));
    }

    public Card get(UUID userId, UUID cardId) {
        return cards.findOwned(userId, cardId).orElseThrow(() -> QuizProblems.cardNotFound(cardId));
    }

    public record CardPage(List<Card> items, long total) {
    }

    public CardPage list(UUID userId, CardFilter filter, int page, int size) {
        return new CardPage(cards.list(userId, filter, page * size, size), cards.count(userId, filter));
    }

    /** Out of the queue (or back in); a card whose document is gone stays out. */
    public Card setSuspended(UUID userId, UUID cardId, boolean suspended) {
        return writing(userId, () -> {
            Card card = cards.lockOwned(userId, cardId).orElseThrow(() -> QuizProblems.cardNotFound(cardId));
            if (Card.SUSPENDED_DOCUMENT_DELETED.equals(card.suspendedReason())) {
                if (suspended) {
                    return card;
                }
                throw QuizProblems.badField("suspended", "Card " + cardId + " stays suspended: its document was"
                        + " deleted.");
            }
            if (card.suspended() != suspended) {
                cards.setSuspended(userId, cardId, suspended, Card.SUSPENDED_BY_USER);
                outbox.append(cardId.toString(), new CardSuspended(cardId, userId, suspended,
                        suspended ? Card.SUSPENDED_BY_USER : null, clock.instant()));
            }
            return cards.findOwned(userId, cardId).orElseThrow();
        });
    }

    public void delete(UUID userId, UUID cardId) {
        writing(userId, () -> {
            if (!cards.delete(userId, cardId)) {
                throw QuizProblems.cardNotFound(cardId);
            }
            outbox.append(cardId.toString(), new CardSuspended(cardId, userId, true, "deleted", clock.instant()));
            return null;
        });
    }

    /** DocumentDeleted (within the consumer's transaction): the document's cards leave the queue and say why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int suspendForDeletedDocument(UUID documentId, Instant deletedAt) {
        List<Card> affected = cards.activeOfDocument(documentId);
        cards.suspendForDeletedDocument(documentId);
        for (Card card : affected) {
            outbox.append(card.id().toString(), new CardSuspended(card.id(), card.userId(), true,
                    Card.SUSPENDED_DOCUMENT_DELETED, deletedAt == null ? clock.instant() : deletedAt));
        }
        return affected.size();
    }

    /** UserDeleted (within the purge's transaction, after the user's exclusive lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purgeUser(UUID userId) {
        settings.deleteByUser(userId);
        return cards.deleteByUser(userId);
    }

    /** A write of the user's, refused once the user is deleted (checked under the user's lock, as quizzes are). */
    private <T> T writing(UUID userId, Supplier<T> work) {
        if (users.isDeleted(userId)) {
            throw QuizProblems.accountDeleted();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            users.lock(userId, false);
            if (users.isDeleted(userId)) {
                throw QuizProblems.accountDeleted();
            }
            return work.get();
        });
    }

    private static boolean documentDeleted(List<QuizDocument> documents, UUID documentId) {
        return documents.stream().anyMatch(d -> d.documentId().equals(documentId) && d.deletedAt() != null);
    }

    private static String title(List<QuizDocument> documents, UUID documentId) {
        return documents.stream().filter(d -> d.documentId().equals(documentId)).map(QuizDocument::title)
                .findFirst().orElse(null);
    }
}
