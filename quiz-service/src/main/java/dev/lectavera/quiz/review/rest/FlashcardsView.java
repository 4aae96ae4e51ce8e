package dev.lectavera.quiz.review.rest;

import java.util.List;

/**
 * @param created    the new cards
 * @param duplicates generated cards the caller already had (not made again)
 * @param generator  lectavera-offline or openai:&lt;model&gt;
 */
public record FlashcardsView(List<CardView> created, int duplicates, String generator) {
}
