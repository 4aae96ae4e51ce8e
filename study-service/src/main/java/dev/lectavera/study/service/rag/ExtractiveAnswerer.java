package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline answer: the sentences of the relevant passages that share most terms with the question, each
 * quoted verbatim and cited, in reading order (most relevant passage first, then position in the passage).
 * A sentence is kept only if it matches at least half as many question terms as the best one, so a strong
 * answer is not diluted by passing mentions. Deterministic: same passages, same answer.
 */
public final class ExtractiveAnswerer {

    public static final String MODEL = "lectavera-offline-extractive";

    static final String PARTIAL_PREFIX = "The selected documents only partly cover this. The closest passages say: ";

    /** One streamed piece: text, and the citation that text carries (none for the lead-in). */
    public record Piece(String text, Citation citation) {
    }

    public record Draft(List<Piece> pieces) {

        public String content() {
            StringBuilder content = new StringBuilder();
            pieces.forEach(p -> content.append(p.text()));
            return content.toString();
        }

        public List<Citation> citations() {
            return pieces.stream().map(Piece::citation).filter(c -> c != null).toList();
        }
    }

    private record Candidate(int passageIndex, GradedPassage passage, Sentences.Span sentence, int score) {
    }

    private final int maxSentences;

    /** With a good passage the answer uses only the good ones; otherwise the weak ones (verdict AMBIGUOUS). */
    public static List<GradedPassage> usable(Grading grading) {
        if (grading.verdict() == Verdict.CORRECT) {
            return grading.relevant().stream().filter(g -> g.grade() == GradedPassage.Grade.STRONG).toList();
        }
        return grading.relevant();
    }

    public ExtractiveAnswerer(int maxSentences) {
        if (maxSentences < 1) {
            throw new IllegalArgumentException("maxSentences must be at least 1");
        }
        this.maxSentences = maxSentences;
    }

    /**
     * @param focusTerms stems of the user's own words: they count twice against the words a follow-up borrowed
     *                   from earlier questions, so "How is it folded?" quotes the sentence about folding
     */
    public Draft compose(Grading grading, Set<String> focusTerms) {
        if (grading.verdict() == Verdict.NOT_FOUND || grading.relevant().isEmpty()) {
            return new Draft(List.of(new Piece(Answers.NOT_FOUND, null)));
        }
        List<Candidate> candidates = new ArrayList<>();
        List<GradedPassage> usable = usable(grading);
        for (int i = 0; i < usable.size(); i++) {
            GradedPassage graded = usable.get(i);
            for (Sentences.Span sentence : Sentences.of(graded.passage().text())) {
                Set<String> terms = Terms.stems(sentence.text());
                int score = (int) grading.questionTerms().stream().filter(terms::contains).count()
                        + (int) focusTerms.stream().filter(terms::contains).count();
                if (score > 0) {
                    candidates.add(new Candidate(i, graded, sentence, score));
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Draft(List.of(new Piece(Answers.NOT_FOUND, null)));
        }
        int best = candidates.stream().mapToInt(Candidate::score).max().orElseThrow();
        List<Candidate> ranked = candidates.stream()
                .filter(c -> c.score() * 2 > best)
                .sorted(Comparator.comparingInt(Candidate::score).reversed()
                        .thenComparingInt(Candidate::passageIndex)
                        .thenComparingInt(c -> c.sentence().start()))
                .toList();
        List<Candidate> chosen = new ArrayList<>();
        Set<String> seenPlaces = new HashSet<>();
        Set<String> seenTexts = new HashSet<>();
        for (Candidate candidate : ranked) {
            Passage p = candidate.passage().passage();
            // Overlapping passages repeat sentences: one quote per place and per wording.
            String place = p.documentId() + "/" + p.page() + "/" + (p.startOffset() + candidate.sentence().start());
            String wording = Sentences.display(candidate.sentence().text()).toLowerCase(java.util.Locale.ROOT);
            boolean newPlace = seenPlaces.add(place);
            boolean newWording = seenTexts.add(wording);
            if (newPlace && newWording) {
                chosen.add(candidate);
            }
            if (chosen.size() == maxSentences) {
                break;
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::passageIndex).thenComparingInt(c -> c.sentence().start()));

        List<Piece> pieces = new ArrayList<>();
        if (grading.verdict() == Verdict.AMBIGUOUS) {
            pieces.add(new Piece(PARTIAL_PREFIX, null));
        }
        for (int i = 0; i < chosen.size(); i++) {
            Candidate c = chosen.get(i);
            Passage p = c.passage().passage();
            int marker = i + 1;
            Citation citation = new Citation(marker, p.documentId(), p.title(), p.page(), c.sentence().text(),
                    p.startOffset() + c.sentence().start(), p.startOffset() + c.sentence().end());
            String text = (i == 0 ? "" : " ") + Sentences.display(c.sentence().text()) + " [" + marker + "]";
            pieces.add(new Piece(text, citation));
        }
        return new Draft(List.copyOf(pieces));
    }
}
