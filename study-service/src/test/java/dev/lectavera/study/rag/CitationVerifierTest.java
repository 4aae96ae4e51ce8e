package dev.lectavera.study.rag;

import dev.lectavera.study.model.Citation;
import dev.lectavera.study.service.rag.CitationVerifier;
import dev.lectavera.study.service.rag.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.lectavera.study.rag.Fixtures.DOCUMENT;
import static dev.lectavera.study.rag.Fixtures.PAGE_3;
import static dev.lectavera.study.rag.Fixtures.passage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CitationVerifierTest {

    // a passage starting at offset 19 of the page (after the heading)
    private final List<Passage> retrieved = List.of(passage(PAGE_3, 3, 19, 0));
    private final String quote = "The mitochondrion produces adenosine triphosphate";
    private final int start = PAGE_3.indexOf(quote);

    private Citation citation(UUID document, int page, String text, int from) {
        return new Citation(1, document, "Biology notes", page, text, from, from + text.length());
    }

    @Test
    void anExactSpanOfARetrievedPassageIsKept() {
        assertTrue(CitationVerifier.verify(citation(DOCUMENT, 3, quote, start), retrieved));
    }

    @Test
    void aQuoteThatIsNotAtItsOffsetsIsDropped() {
        assertFalse(CitationVerifier.verify(citation(DOCUMENT, 3, quote, start + 1), retrieved));
        assertFalse(CitationVerifier.verify(citation(DOCUMENT, 3, "The mitochondrion makes ATP", start), retrieved));
    }

    @Test
    void aQuoteOutsideTheRetrievedPassagesIsDropped() {
        // the heading exists in the page but was not retrieved (the passage starts at 19)
        assertFalse(CitationVerifier.verify(citation(DOCUMENT, 3, "The Mitochondrion", 0), retrieved));
        assertFalse(CitationVerifier.verify(citation(DOCUMENT, 4, quote, start), retrieved));
        assertFalse(CitationVerifier.verify(citation(UUID.randomUUID(), 3, quote, start), retrieved));
    }

    @Test
    void blankOrInvertedCitationsAreDropped() {
        assertFalse(CitationVerifier.verify(citation(DOCUMENT, 3, " ", start), retrieved));
        assertFalse(CitationVerifier.verify(new Citation(1, DOCUMENT, "t", 3, quote, start, start - 1), retrieved));
        assertFalse(CitationVerifier.verify((Citation) null, retrieved));
    }

    @Test
    void theListFormKeepsOnlyTheVerifiedOnes() {
        List<Citation> kept = CitationVerifier.verify(List.of(citation(DOCUMENT, 3, quote, start),
                citation(DOCUMENT, 3, "invented words", start)), retrieved);
        assertEquals(1, kept.size());
        assertEquals(quote, kept.getFirst().quote());
    }
}
