package dev.lectavera.quiz.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentPagesTest {

    @Test
    void everyPageUpToTheLimitThenAnEvenSample() {
        assertEquals(List.of(1, 2, 3), DocumentPages.pageNumbers(3, 10));
        assertEquals(List.of(), DocumentPages.pageNumbers(0, 10));
        assertEquals(List.of(1, 4, 7, 10), DocumentPages.pageNumbers(12, 4));
    }

    @Test
    void theRequestsPageBudgetIsSharedFairly() {
        // within budget: every page of every document
        assertEquals(List.of(4, 300), DocumentPages.pageShares(List.of(4, 300), 1000, 1000));
        // the per-document cap still applies
        assertEquals(List.of(1000), DocumentPages.pageShares(List.of(2000), 1000, 1000));
        // ten 2,000-page documents: 100 pages each, never 10 x 1,000
        assertEquals(List.of(100, 100, 100, 100, 100, 100, 100, 100, 100, 100),
                DocumentPages.pageShares(List.of(2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000),
                        1000, 1000));
        // a short document keeps all its pages, the long ones split the rest
        assertEquals(List.of(495, 10, 495), DocumentPages.pageShares(List.of(1500, 10, 900), 1000, 1000));
        assertEquals(List.of(0, 0), DocumentPages.pageShares(List.of(0, 0), 1000, 1000));
    }

    @Test
    void aPageIsCappedWithoutSplittingACharacter() {
        assertEquals("short", DocumentPages.capped("short", 10));
        assertEquals("abcde", DocumentPages.capped("abcdefghij", 5));
        String emoji = "abcd\uD83D\uDE00xyz"; // the fifth character is the first half of a surrogate pair
        assertEquals("abcd", DocumentPages.capped(emoji, 5));
    }
}
