package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The offline answer: the sentences of the relevant passages that carry most evidence for the question, each quoted
 * verbatim and cited, in reading order (most relevant passage first, then position in the passage). Deterministic:
 * same passages, same answer.
 * <p>
 * A sentence's evidence is the weight of the question's terms it holds (or a variant of them, see
 * {@link Terms#related}); a term weighs more the fewer sentences of the passages hold it ({@code ln(1 + n / df)}), so
 * the word that singles a fact out counts more than the document's subject repeated everywhere. A sentence that
 * states something specific the question does not — a number, an identifier, an option, a file or type name — gets a
 * bonus: that is what a student asking "which", "how many" or "what value" wants quoted. A fragment (under four
 * words) counts half; a numbered heading is quoted only when no sentence qualifies, and a table of contents or index
 * line never (see {@link LayoutLines}). A sentence is kept only with more than half the evidence of the best one, so
 * a strong answer is not diluted by passing mentions; a kept sentence that states nothing specific takes the next
 * sentence of its paragraph along when that one does (the value often follows the sentence naming it).
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

    private record Candidate(int passageIndex, GradedPassage passage, Sentences.Span sentence, double score,
                             boolean heading) {
    }

    private record Sentence(int passageIndex, GradedPassage passage, Sentences.Span span, Set<String> stems) {
    }

    /**
     * A word that states a specific value: has a digit, an inner underscore, dot or slash, is an option, or is
     * written as a call ({@code unclass()}, {@code pmax(}).
     */
    private static final Pattern SPECIFIC = Pattern.compile(
            "(?<![\\w-])(--?[a-zA-Z][\\w-]*|[\\w-]*\\d[\\w.-]*|\\w+(?:[_./]\\w+)+|[a-z]+[A-Z]\\w*|[A-Za-z_]\\w*(?=\\())");
    /**
     * A sentence that gives something its name ("This is called lexical scope.", "… are known as free variables"):
     * the name it gives is what a "what is it called" question asks for.
     */
    private static final Pattern NAMING = Pattern.compile(
            "\\b(?:is|are|was|were|be)\\s+(?:called|named|termed|known\\s+as|referred\\s+to\\s+as)\\s+([^.,;:!?()]{1,60})",
            Pattern.CASE_INSENSITIVE);
    private static final double SPECIFIC_BONUS = 0.75;
    private static final int FRAGMENT_WORDS = 4;

    private final int maxSentences;

    /** With a good passage the answer uses only the good ones; otherwise the weak ones (verdict AMBIGUOUS). */
    public static List<GradedPassage> usable(Grading grading) {
        if (grading.verdict() == Verdict.CORRECT) {
            return grading.relevant().stream().filter(g -> g.grade() == GradedPassage.Grade.STRONG).toList();
        }
        return grading.relevant();
    }

    /**
     * The usable passages close to the best one (within {@link #RELEVANCE_MARGIN}): a sentence of a passage the
     * grader ranked well below the best is seldom the answer, even when it shares more words with the question.
     * (A model is given all usable passages: it reads them, it does not count words.)
     */
    static List<GradedPassage> quotable(Grading grading) {
        List<GradedPassage> usable = usable(grading);
        if (usable.isEmpty() || !usable.getFirst().passage().hasSimilarity()) {
            return usable;
        }
        double best = usable.getFirst().relevance();
        return usable.stream().filter(g -> g.relevance() >= best - RELEVANCE_MARGIN).toList();
    }

    /** How far below the best passage's relevance a passage may be and still be quoted. */
    static final double RELEVANCE_MARGIN = 0.1;

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
        List<Sentence> sentences = new ArrayList<>();
        List<GradedPassage> usable = quotable(grading);
        for (int i = 0; i < usable.size(); i++) {
            GradedPassage graded = usable.get(i);
            for (Sentences.Span span : Sentences.of(graded.passage().text())) {
                sentences.add(new Sentence(i, graded, span, Terms.stems(span.text())));
            }
        }
        Set<String> asked = new LinkedHashSet<>(grading.questionTerms());
        asked.addAll(focusTerms);
        Map<String, Double> weights = weights(asked, sentences);
        Set<String> questionWords = new HashSet<>(Terms.words(String.join(" ", asked)));
        List<Candidate> candidates = new ArrayList<>();
        for (Sentence sentence : sentences) {
            double score = 0;
            for (String term : asked) {
                if (Terms.contains(sentence.stems(), term)) {
                    double weight = weights.get(term);
                    // the user's own words count twice against those a follow-up borrowed from earlier questions
                    score += grading.questionTerms().contains(term) && focusTerms.contains(term) ? 2 * weight : weight;
                }
            }
            if (score == 0 || LayoutLines.isIndexEntry(sentence.span().text())) {
                continue;
            }
            if (statesSomethingSpecific(sentence.span().text(), questionWords)) {
                score += SPECIFIC_BONUS;
            }
            if (Terms.words(sentence.span().text()).size() < FRAGMENT_WORDS) {
                score /= 2;
            }
            candidates.add(new Candidate(sentence.passageIndex(), sentence.passage(), sentence.span(), score,
                    LayoutLines.isHeading(sentence.span().text())));
        }
        if (candidates.isEmpty()) {
            return new Draft(List.of(new Piece(Answers.NOT_FOUND, null)));
        }
        // a heading names what the answer is about without saying it: quoted only when no sentence holds the words
        if (candidates.stream().anyMatch(c -> !c.heading())) {
            candidates.removeIf(Candidate::heading);
        }
        double best = candidates.stream().mapToDouble(Candidate::score).max().orElseThrow();
        List<Candidate> ranked = candidates.stream()
                .filter(c -> c.score() * 2 > best)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
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
        chosen = withStatedValues(chosen, sentences, questionWords);

        List<Piece> pieces = new ArrayList<>();
        if (grading.verdict() == Verdict.AMBIGUOUS) {
            pieces.add(new Piece(PARTIAL_PREFIX, null));
        }
        for (int i = 0; i < chosen.size(); i++) {
            Candidate c = chosen.get(i);
            Passage p = c.passage().passage();
            int marker = i + 1;
            Citation citation = new Citation(marker, p.documentId(), p.title(), p.page(), c.sentence().text(),
                    p.startOffset() + c.sentence().start(), p.startOffset() + c.sentence().end(), p.lowConfidence());
            String text = (i == 0 ? "" : " ") + Sentences.display(c.sentence().text()) + " [" + marker + "]";
            pieces.add(new Piece(text, citation));
        }
        String scanNote = lowConfidenceNote(pieces);
        if (scanNote != null) {
            pieces.add(new Piece(scanNote, null));
        }
        return new Draft(List.copyOf(pieces));
    }

    /**
     * A chosen sentence that states nothing specific (a manual's "How many times shishi sends a request to a KDC
     * before giving up.") is quoted together with the sentence right after it in the same paragraph when that one
     * does ("The default is 3 times."): the value a student asks for often follows the sentence that names it. One
     * quote, one citation: the two sentences are one verbatim span of the page.
     */
    private static List<Candidate> withStatedValues(List<Candidate> chosen, List<Sentence> sentences,
                                                    Set<String> questionWords) {
        List<Candidate> result = new ArrayList<>(chosen.size());
        for (Candidate candidate : chosen) {
            Sentences.Span span = candidate.sentence();
            Sentence next = nextInParagraph(candidate, sentences);
            boolean extend = next != null && !statesSomethingSpecific(span.text(), questionWords)
                    && statesSomethingSpecific(next.span().text(), questionWords)
                    && !LayoutLines.isIndexEntry(next.span().text())
                    && LayoutLines.endsASentence(next.span().text()) // not cut off by the passage's end
                    && chosen.stream().noneMatch(c -> c.passageIndex() == candidate.passageIndex()
                            && c.sentence().start() == next.span().start());
            if (extend) {
                String text = candidate.passage().passage().text();
                span = new Sentences.Span(span.start(), next.span().end(), text.substring(span.start(),
                        next.span().end()));
            }
            result.add(new Candidate(candidate.passageIndex(), candidate.passage(), span, candidate.score(),
                    candidate.heading()));
        }
        return result;
    }

    /** The sentence after the candidate's in its passage, if no blank line (a paragraph's end) comes between. */
    private static Sentence nextInParagraph(Candidate candidate, List<Sentence> sentences) {
        String text = candidate.passage().passage().text();
        int end = candidate.sentence().end();
        for (Sentence sentence : sentences) {
            if (sentence.passageIndex() == candidate.passageIndex() && sentence.span().start() >= end) {
                return PARAGRAPH_BREAK.matcher(text.substring(end, sentence.span().start())).find() ? null : sentence;
            }
        }
        return null;
    }

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\r]*\\n");

    /**
     * When a quote comes from a page OCR read with a low confidence, the student is told so: such a quote may hold
     * misread words, and the page image is the authority. Null when every cited page was read confidently.
     */
    static String lowConfidenceNote(List<Piece> pieces) {
        TreeSet<Integer> pages = new TreeSet<>();
        for (Piece piece : pieces) {
            if (piece.citation() != null && piece.citation().lowConfidence()) {
                pages.add(piece.citation().page());
            }
        }
        if (pages.isEmpty()) {
            return null;
        }
        String which = pages.size() == 1 ? "Page " + pages.first() + " was"
                : "Pages " + pages.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " were";
        return " (" + which + " read from a scan with low confidence: check the quote against the page.)";
    }

    /** Inverse sentence frequency of each asked term among the candidate sentences (a term nowhere weighs 0). */
    private static Map<String, Double> weights(Set<String> terms, List<Sentence> sentences) {
        Map<String, Double> weights = new HashMap<>();
        for (String term : terms) {
            long holding = sentences.stream().filter(s -> Terms.contains(s.stems(), term)).count();
            weights.put(term, holding == 0 ? 0 : Math.log(1 + (double) sentences.size() / holding));
        }
        return weights;
    }

    /** Whether the sentence states a value or gives a name that the question does not already hold. */
    private static boolean statesSomethingSpecific(String sentence, Set<String> questionWords) {
        return statesNew(SPECIFIC.matcher(sentence), 0, questionWords)
                || statesNew(NAMING.matcher(sentence), 1, questionWords);
    }

    private static boolean statesNew(Matcher found, int group, Set<String> questionWords) {
        while (found.find()) {
            List<String> words = Terms.words(found.group(group));
            if (!words.isEmpty() && !questionWords.containsAll(words)) {
                return true;
            }
        }
        return false;
    }
}
