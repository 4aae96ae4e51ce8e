package dev.lectavera.quiz.review.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The bodies of the card-making routes. */
public final class CardRequests {

    private CardRequests() {
    }

    /** Save one of the caller's quiz questions as a card. */
    public record FromQuestion(@NotNull UUID questionId) {
    }

    /**
     * Save a chat answer's citation as a card.
     *
     * @param quote       the cited span, as it is on the page
     * @param startOffset the span's place in the page text, when known (both offsets or neither)
     * @param prompt      the card's question; absent: made from the quote
     * @param answer      the card's answer with a prompt; absent: the quote
     */
    public record FromCitation(@NotNull UUID documentId, @NotNull @Min(1) @Max(100_000) Integer page,
                               @NotBlank @Size(max = 2000) String quote, @Min(0) Integer startOffset,
                               @Min(0) Integer endOffset, @Size(min = 1, max = 1000) String prompt,
                               @Size(min = 1, max = 2000) String answer) {
    }

    /**
     * Generate flashcards from documents.
     *
     * @param count flashcards wanted, 1 to 30 (default 10)
     */
    public record Flashcards(@NotNull @Size(min = 1, max = 10) List<@NotNull UUID> documentIds,
                             @Min(1) @Max(30) Integer count) {
    }
}
