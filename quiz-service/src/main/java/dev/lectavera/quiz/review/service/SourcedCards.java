package dev.lectavera.quiz.review.service;

import dev.lectavera.quiz.client.DocumentInfo;
import dev.lectavera.quiz.client.PageText;
import dev.lectavera.quiz.config.QuizConfig;
import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.generation.GenerationRequest;
import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionSource;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.generation.SourcePage;
import dev.lectavera.quiz.review.fsrs.MemoryState;
import dev.lectavera.quiz.review.model.Card;
import dev.lectavera.quiz.review.model.CardOrigin;
import dev.lectavera.quiz.review.model.CardSource;
import dev.lectavera.quiz.review.service.CardService.Saved;
import dev.lectavera.quiz.repository.UserRepository;
import dev.lectavera.quiz.service.DocumentSources;
import dev.lectavera.quiz.service.QuizGenerators;
import dev.lectavera.quiz.service.QuizProblems;
import dev.lectavera.quiz.text.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cards whose text comes from the documents themselves: flashcards generated from whole documents, and a card saved
 * from a chat answer's citation. Both go through the quiz generator (offline by default: key terms and their defining
 * sentences) and its quality gates, so every answer is found on its cited page; the card's key keeps one card per
 * thing asked. Document-service is read with the caller's token, outside any transaction.
 */
@ApplicationScoped
public class SourcedCards {

    /** Recall questions: a term from its definition, a blanked key term. */
    private static final List<QuestionType> FLASHCARD_TYPES = List.of(QuestionType.SHORT_ANSWER,
            QuestionType.FILL_IN_BLANK);

    private final DocumentSources documents;
    private final QuizGenerators generators;
    private final CardService cards;
    private final UserRepository users;
    private final Clock clock;
    private final int maxPerRequest;

    SourcedCards(DocumentSources documents, QuizGenerators generators, CardService cards, UserRepository users,
                 Clock clock, QuizConfig config) {
        this.documents = documents;
        this.generators = generators;
        this.cards = cards;
        this.users = users;
        this.clock = clock;
        this.maxPerRequest = config.review().maxFlashcardsPerRequest();
    }

    public record Generated(List<Card> created, int duplicates, String generator) {
    }

    /** Up to {@code count} flashcards from the documents; a card the user already has is not made again. */
    public Generated generate(UUID userId, String authorization, List<UUID> documentIds, int count) {
        if (users.isDeleted(userId)) {
            throw QuizProblems.accountDeleted();
        }
        List<DocumentInfo> sources = documents.indexedDocuments(authorization, documentIds);
        List<SourcePage> pages = documents.pages(authorization, sources);
        GenerationResult result = generators.generate(new GenerationRequest(pages, Math.min(count, maxPerRequest),
                Difficulty.MEDIUM, FLASHCARD_TYPES));
        if (result.questions().isEmpty()) {
            throw QuizProblems.nothingToLearn(result);
        }
        Instant now = clock.instant();
        List<Card> created = new ArrayList<>();
        int duplicates = 0;
        for (QuestionDraft draft : result.questions()) {
            Card card = card(userId, CardOrigin.FLASHCARD, draft, draft.source(), now);
            Saved saved = cards.store(userId, card, CardDrafts.dedupeKey(draft.source().documentId(), draft.prompt()));
            if (saved.created()) {
                created.add(saved.card());
            } else {
                duplicates++;
            }
        }
        return new Generated(created, duplicates, result.generator());
    }

    public record Citation(UUID documentId, int page, String quote, Integer startOffset, Integer endOffset,
                           String prompt, String answer) {
    }

    /**
     * A card from a citation, once its quote is found on the page (at its offsets, when given). Without a prompt the
     * generator makes a recall question from the quote; when it cannot, the card asks for the passage itself.
     */
    public Saved saveCitation(UUID userId, String authorization, Citation citation) {
        if (users.isDeleted(userId)) {
            throw QuizProblems.accountDeleted();
        }
        DocumentInfo document = documents.document(authorization, citation.documentId());
        PageText page = documents.page(authorization, citation.documentId(), citation.page());
        String text = page.text() == null ? "" : page.text();
        if (!quoteOnPage(text, citation)) {
            throw QuizProblems.quoteNotOnPage(citation.documentId(), citation.page());
        }
        String quote = TextNormalizer.collapseWhitespace(citation.quote());
        Integer start = citation.startOffset();
        Integer end = citation.endOffset();
        if (start == null) {
            int found = text.indexOf(citation.quote());
            start = found < 0 ? null : found;
            end = found < 0 ? null : found + citation.quote().length();
        }
        QuestionSource source = new QuestionSource(document.id(), document.title(), citation.page(), quote, start, end);
        Instant now = clock.instant();
        Card card;
        if (citation.prompt() != null) {
            String answer = citation.answer() != null ? citation.answer().strip() : quote;
            card = card(userId, CardOrigin.CITATION, new QuestionDraft(QuestionType.SHORT_ANSWER,
                    citation.prompt().strip(), List.of(), answer, quote, document.title(), source), source, now);
        } else {
            card = card(userId, CardOrigin.CITATION, fromQuote(document, citation.page(), quote, source), source, now);
        }
        return cards.store(userId, card, CardDrafts.dedupeKey(document.id(), card.prompt()));
    }

    private QuestionDraft fromQuote(DocumentInfo document, int page, String quote, QuestionSource source) {
        GenerationResult result = generators.generate(new GenerationRequest(
                List.of(new SourcePage(document.id(), document.title(), page, quote)), 1, Difficulty.MEDIUM,
                FLASHCARD_TYPES));
        if (!result.questions().isEmpty()) {
            return result.questions().getFirst();
        }
        return new QuestionDraft(QuestionType.SHORT_ANSWER, "Recall the passage on page " + page + " of \u201C"
                + document.title() + "\u201D.", List.of(), quote, quote, document.title(), source);
    }

    static boolean quoteOnPage(String pageText, Citation citation) {
        String quote = citation.quote();
        if (citation.startOffset() != null || citation.endOffset() != null) {
            Integer start = citation.startOffset();
            Integer end = citation.endOffset();
            if (start == null || end == null || start < 0 || end <= start || end > pageText.length()) {
                return false;
            }
            return TextNormalizer.normalize(pageText.substring(start, end)).equals(TextNormalizer.normalize(quote));
        }
        return !TextNormalizer.normalize(quote).isEmpty() && TextNormalizer.occursIn(quote, pageText);
    }

    private static Card card(UUID userId, CardOrigin origin, QuestionDraft draft, QuestionSource source,
                             Instant now) {
        return new Card(UUID.randomUUID(), userId, origin, null, draft.type().wire(), draft.prompt(), draft.options(),
                draft.answer(), draft.explanation(), draft.topic(),
                new CardSource(source.documentId(), source.title(), source.page(), source.passage(),
                        source.startOffset(), source.endOffset()),
                MemoryState.fresh(now), 0, 0, false, null, now);
    }
}
