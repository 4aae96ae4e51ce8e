package dev.lectavera.study.rag;

import dev.lectavera.study.model.Citation;
import dev.lectavera.study.service.rag.CitationVerifier;
import dev.lectavera.study.service.rag.ModelCitations;
import dev.lectavera.study.service.rag.Passage;
import dev.lectavera.study.service.rag.Terms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lectavera.study.rag.Fixtures.PAGE_3;
import static dev.lectavera.study.rag.Fixtures.PAGE_4;
import static dev.lectavera.study.rag.Fixtures.passage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCitationsTest {

    private final List<Passage> numbered = List.of(passage(PAGE_3, 3, 0, 0), passage(PAGE_4, 4, 0, 1));

    @Test
    void eachMarkerQuotesTheMatchingSentenceOfItsPassage() {
        String answer = "Mitochondria make adenosine triphosphate [1]. Their inner membrane is folded into cristae [1]."
                + " Meiosis yields four gametes [2].";
        List<Citation> citations = ModelCitations.extract(answer, numbered, Terms.stems("mitochondrion"));
        assertEquals(3, citations.size());
        assertTrue(citations.get(0).quote().contains("adenosine triphosphate"));
        assertTrue(citations.get(1).quote().contains("cristae"));
        assertEquals(4, citations.get(2).page());
        assertEquals(2, citations.get(2).marker());
        assertEquals(citations, CitationVerifier.verify(citations, numbered), "every quote is a real span");
    }

    @Test
    void markersNamingNoPassageAreDropped() {
        assertTrue(ModelCitations.extract("ATP comes from mitochondria [7] [0].", numbered, Terms.stems("atp")).isEmpty());
    }

    @Test
    void theSameQuoteIsCitedOnce() {
        List<Citation> citations = ModelCitations.extract("Adenosine triphosphate [1]. Again adenosine triphosphate [1].",
                numbered, Terms.stems("atp"));
        assertEquals(1, citations.size());
    }
}
