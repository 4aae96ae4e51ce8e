package dev.lectavera.quiz.generation.offline;

import java.util.List;

/**
 * A document's key terms: its candidates found sentence by sentence ({@link TermCandidates}: names, numbers and
 * years, common words and phrases, defined terms), then kept and weighed ({@link TermRanking}: tf-idf-like across
 * the document's pages, boosted for names, phrases and defined terms).
 */
public final class KeyTermExtractor {

    private KeyTermExtractor() {
    }

    public static Vocabulary extract(List<AnalyzedPage> pages) {
        return TermRanking.rank(TermCandidates.find(pages), pages.size());
    }
}
