package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Citation;

import java.util.List;

/**
 * The last gate before a citation reaches a user: its quote must be exactly the text at its offsets inside a
 * passage that was actually retrieved for this question, of the same document and page. Anything else — a
 * model's invented quote, a wrong page, a stale offset — is dropped.
 */
public final class CitationVerifier {

    private CitationVerifier() {
    }

    public static List<Citation> verify(List<Citation> citations, List<Passage> retrieved) {
        return citations.stream().filter(c -> verify(c, retrieved)).toList();
    }

    public static boolean verify(Citation citation, List<Passage> retrieved) {
        if (citation == null || citation.quote() == null || citation.quote().isBlank()
                || citation.startOffset() < 0 || citation.endOffset() <= citation.startOffset()) {
            return false;
        }
        for (Passage passage : retrieved) {
            if (passage.documentId().equals(citation.documentId()) && passage.page() == citation.page()
                    && passage.startOffset() <= citation.startOffset()
                    && citation.endOffset() <= passage.endOffset()
                    && citation.endOffset() - passage.startOffset() <= passage.text().length()) {
                String span = passage.text().substring(citation.startOffset() - passage.startOffset(),
                        citation.endOffset() - passage.startOffset());
                if (span.equals(citation.quote())) {
                    return true;
                }
            }
        }
        return false;
    }
}
