package dev.lectavera.document;

import dev.lectavera.document.repository.ChunkRepository;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyword ranking (any of the query's words, rare ones first) against the real Postgres full-text machinery. */
@QuarkusTest
class KeywordRankingTest {

    private static final String PAGE_1 = "The cell is the smallest unit of life. Every cell has a membrane around it.";
    private static final String PAGE_2 = "The cell membrane is a lipid bilayer that controls what enters the cell.";
    private static final String PAGE_3 = "Mitochondria make ATP. This is why they are called the powerhouse of the cell.";
    private static final String PAGE_4 = "Photosynthesis happens in chloroplasts, where light is turned into sugar.";

    /** One document for all the tests (uploaded by the first). */
    private static UUID document;

    private final ChunkRepository chunks;

    KeywordRankingTest(ChunkRepository chunks) {
        this.chunks = chunks;
    }

    private static synchronized UUID document() {
        if (document == null) {
            Users user = Users.random();
            document = Api.uploadNew(user, TestPdfs.pages(PAGE_1, PAGE_2, PAGE_3, PAGE_4), "cells.pdf");
            assertEquals("INDEXED", Api.awaitFinalStatus(user, document));
        }
        return document;
    }

    private List<Integer> pages(String query) {
        List<Long> ids = chunks.keywordRanking(query, List.of(document()), 10);
        var rows = chunks.rows(ids);
        return ids.stream().map(id -> rows.get(id).page()).toList();
    }

    @Test
    void aQuestionSharingOnlySomeWordsWithThePageStillFindsIt() {
        String question = "Which organelle is known as the powerhouse?"; // "organelle" and "known" are nowhere
        assertTrue(chunks.fullText(question, List.of(document()), 10).isEmpty(), "full text needs every word");
        assertEquals(3, pages(question).getFirst());
    }

    @Test
    void aWordFewPagesHoldOutweighsOneMostPagesHold() {
        // "cell" is on three pages, "chloroplasts" on one: the rare word decides
        assertEquals(4, pages("cell chloroplasts").getFirst());
        // and a page holding two of the words comes before pages holding one
        assertEquals(2, pages("lipid cell").getFirst());
    }

    @Test
    void stopWordsQuotesAndBackslashesFindNothingAndBreakNothing() {
        assertTrue(pages("what is it and where?").isEmpty());
        assertFalse(pages("what's the cell's \\ 'membrane'?").isEmpty());
    }

    @Test
    void otherDocumentsAreNotSearched() {
        assertTrue(chunks.keywordRanking("powerhouse", List.of(UUID.randomUUID()), 10).isEmpty());
    }
}
