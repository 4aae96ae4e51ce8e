package dev.lectavera.document.ingest;

import dev.lectavera.document.ingest.Chunker.Chunk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkerTest {

    private final Chunker chunker = new Chunker(new Chunker.Settings(60, 20, 12));

    private static String sentences(String topic, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(i > 1 ? " " : "").append("Sentence ").append(i).append(" explains ").append(topic)
                    .append(" in a few plain words.");
        }
        return text.toString();
    }

    @Test
    void offsetsPointExactlyAtTheChunkTextInItsPage() {
        List<String> pages = List.of(
                "Cells\n\n" + sentences("membranes", 12) + "\n\n" + sentences("proteins", 5),
                "Energy\n\nMitochondria produce ATP.\nThe line wraps here " + "and continues.\n\n" + sentences("ATP", 9));
        List<Chunk> chunks = chunker.chunk(pages);
        assertFalse(chunks.isEmpty());
        for (Chunk chunk : chunks) {
            String page = pages.get(chunk.page() - 1);
            assertEquals(page.substring(chunk.startOffset(), chunk.endOffset()), chunk.text(), "chunk " + chunk);
            assertEquals(chunk.text().strip(), chunk.text(), "no surrounding blanks");
        }
        for (int i = 0; i < chunks.size(); i++) {
            assertEquals(i, chunks.get(i).ordinal());
        }
    }

    @Test
    void chunksStayWithinTheBudgetAndNeverCrossPages() {
        List<String> pages = List.of(sentences("osmosis", 40), sentences("diffusion", 3), sentences("transport", 25));
        List<Chunk> chunks = chunker.chunk(pages);
        for (Chunk chunk : chunks) {
            assertTrue(chunk.tokens() <= 60, "over budget: " + chunk.tokens());
            assertTrue(pages.get(chunk.page() - 1).contains(chunk.text()));
        }
        assertEquals(3, chunks.stream().map(Chunk::page).distinct().count());
    }

    @Test
    void aHeadingStartsANewChunkAndStaysWithItsSection() {
        String page = sentences("glycolysis", 4) + "\n\n2.1 The Krebs Cycle\n\n" + sentences("the cycle", 3);
        List<Chunk> chunks = chunker.chunk(List.of(page));
        assertEquals(2, chunks.size(), chunks.toString());
        assertTrue(chunks.get(0).text().endsWith("plain words."));
        assertTrue(chunks.get(1).text().startsWith("2.1 The Krebs Cycle"), chunks.get(1).text());
        assertTrue(chunks.get(1).text().contains("explains the cycle"));
    }

    @Test
    void paragraphsThatFitAreKeptWholeAndAreNotSplitAcrossChunks() {
        String first = sentences("alpha", 3);   // 3 x 10 tokens
        String second = sentences("beta", 3);
        String third = sentences("gamma", 3);
        List<Chunk> chunks = chunker.chunk(List.of(first + "\n\n" + second + "\n\n" + third));
        assertEquals(2, chunks.size(), chunks.toString());
        assertTrue(chunks.get(0).text().contains("alpha") && chunks.get(0).text().contains("beta"));
        assertTrue(chunks.get(1).text().endsWith(third), "third paragraph whole in the second chunk");
        assertFalse(chunks.get(1).text().contains("alpha"));
    }

    @Test
    void aLongParagraphIsCutBetweenSentencesWithOverlap() {
        String paragraph = sentences("enzymes", 20);
        List<Chunk> chunks = chunker.chunk(List.of(paragraph));
        assertTrue(chunks.size() >= 4, chunks.toString());
        for (int i = 1; i < chunks.size(); i++) {
            Chunk previous = chunks.get(i - 1);
            Chunk current = chunks.get(i);
            assertTrue(current.startOffset() < previous.endOffset(), "overlap between " + (i - 1) + " and " + i);
            assertTrue(current.startOffset() > previous.startOffset(), "progress");
            assertTrue(current.text().startsWith("Sentence "), "cut at a sentence start: " + current.text());
            assertTrue(previous.text().endsWith("."), "cut at a sentence end: " + previous.text());
        }
        assertTrue(chunks.getLast().text().endsWith("Sentence 20 explains enzymes in a few plain words."));
    }

    @Test
    void aSentenceLongerThanTheBudgetIsCutBetweenWords() {
        String runOn = "word ".repeat(150).strip();
        List<Chunk> chunks = chunker.chunk(List.of(runOn));
        assertEquals(3, chunks.size());
        for (Chunk chunk : chunks) {
            assertTrue(chunk.tokens() <= 60);
            assertTrue(chunk.text().startsWith("word") && chunk.text().endsWith("word"));
        }
    }

    @Test
    void emptyPagesGiveNoChunksButKeepPageNumbers() {
        List<Chunk> chunks = chunker.chunk(List.of("", "  \n\n ", "Only this page has text."));
        assertEquals(1, chunks.size());
        assertEquals(3, chunks.getFirst().page());
    }

    @Test
    void headingRecognition() {
        assertTrue(Chunker.isHeading("Chapter 3 Cell Biology"));
        assertTrue(Chunker.isHeading("2.1 The Krebs cycle"));
        assertTrue(Chunker.isHeading("INTRODUCTION"));
        assertFalse(Chunker.isHeading("Mitochondria produce ATP."));
        assertFalse(Chunker.isHeading("and then the cell divides"));
        assertFalse(Chunker.isHeading("This line is much too long to be a heading because it goes on and on with words"));
        assertFalse(Chunker.isHeading("42"));
    }

    @Test
    void tokenEstimateCountsWordsAndPunctuation() {
        assertEquals(0, Chunker.estimateTokens("   "));
        assertEquals(6, Chunker.estimateTokens("Mitochondria produce ATP, mostly."));
        assertEquals(5, Chunker.estimateTokens("e.g. x"));
    }
}
