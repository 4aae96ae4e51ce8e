package dev.lectavera.study.rag;

import dev.lectavera.study.service.rag.Passage;

import java.util.UUID;

/** Passages as document-service returns them: text is the page text between the offsets. */
final class Fixtures {

    static final UUID DOCUMENT = UUID.fromString("0190a1b2-0000-7000-8000-000000000001");
    static final String PAGE_3 = "The Mitochondrion\n\nThe mitochondrion produces adenosine triphosphate, the energy"
            + " currency of\nthe cell, through oxidative phosphorylation. The inner membrane of the mitochondrion"
            + " is folded into cristae, which increase the surface area available for the electron transport chain.";
    static final String PAGE_4 = "Cell Division\n\nMitosis divides one nucleus into two identical nuclei. Meiosis"
            + " creates four gametes with half the number of chromosomes of the parent cell.";

    private Fixtures() {
    }

    /** A passage made of page text from {@code start} to the end. */
    static Passage passage(String pageText, int page, int start, int rank) {
        return new Passage(DOCUMENT, "Biology notes", page, start, pageText.length(), pageText.substring(start), rank);
    }
}
