package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.generation.GenerationRequest;
import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.generation.QuizGenerator;
import dev.lectavera.quiz.generation.ShortfallNote;
import dev.lectavera.quiz.generation.SourcePage;
import dev.lectavera.quiz.generation.gate.Candidate;
import dev.lectavera.quiz.generation.gate.CandidateSource;
import dev.lectavera.quiz.generation.gate.PageKey;
import dev.lectavera.quiz.generation.gate.QualityGates;
import dev.lectavera.quiz.generation.gate.QuestionSelector;
import dev.lectavera.quiz.generation.gate.QuestionSelector.Selection;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The built-in generator: deterministic (same pages and settings, same quiz) and honest (every question is built
 * from one of the documents' own sentences and key terms; nothing is invented). Per page and question type it
 * proposes at most one candidate per sentence, built on the key term that best fits the difficulty (easy: frequent
 * terms in short sentences; hard: rarer terms in longer sentences), and lets {@link QuestionSelector} pick the quiz
 * through the quality gates.
 */
public final class OfflineQuizGenerator implements QuizGenerator {

    public static final String NAME = "lectavera-offline";
    /** Terms tried per sentence before giving the sentence up for a type. */
    private static final int TERMS_PER_SENTENCE = 3;

    private final double nearDuplicateThreshold;

    public OfflineQuizGenerator(double nearDuplicateThreshold) {
        this.nearDuplicateThreshold = nearDuplicateThreshold;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        Map<UUID, List<SourcePage>> byDocument = new LinkedHashMap<>();
        for (SourcePage page : request.pages()) {
            byDocument.computeIfAbsent(page.documentId(), d -> new ArrayList<>()).add(page);
        }
        List<DocumentAnalysis> documents = new ArrayList<>();
        Map<UUID, Vocabulary> vocabularies = new LinkedHashMap<>();
        Set<String> knownSentences = new HashSet<>();
        for (List<SourcePage> pages : byDocument.values()) {
            DocumentAnalysis analysis = DocumentAnalysis.of(pages);
            documents.add(analysis);
            vocabularies.put(analysis.documentId(), analysis.vocabulary());
            for (AnalyzedPage page : analysis.pages()) {
                for (AnalyzedSentence sentence : page.sentences()) {
                    knownSentences.add(TextNormalizer.normalize(sentence.text()));
                }
            }
        }
        OfflineCandidates source = new OfflineCandidates(documents, request.difficulty(),
                new DistractorPicker(vocabularies), knownSentences);
        Selection selection = QuestionSelector.select(source, request.count(), request.types(),
                new QualityGates(nearDuplicateThreshold));
        return new GenerationResult(NAME, selection.accepted(), selection.examined(), selection.rejections(),
                ShortfallNote.of(request.count(), selection, source.material()), null);
    }

    /** How well a term suits the difficulty: easy wants the most prominent terms, hard the rarer ones. */
    static double termFit(KeyTerm term, Difficulty difficulty) {
        return switch (difficulty) {
            case EASY -> 1 - term.rank();
            case MEDIUM -> 1 - Math.abs(term.rank() - 0.35);
            case HARD -> term.rank();
        };
    }

    /** How well a sentence length suits the difficulty: easy wants short sentences, hard long ones. */
    static double sentenceFit(int words, Difficulty difficulty) {
        return switch (difficulty) {
            case EASY -> words <= 18 ? 1 : words <= 26 ? 0.5 : 0;
            case MEDIUM -> words >= 12 && words <= 30 ? 1 : 0.5;
            case HARD -> words >= 20 ? 1 : words >= 14 ? 0.5 : 0;
        };
    }

    /** Candidates built page by page on demand. */
    private static final class OfflineCandidates implements CandidateSource {

        private final Map<PageKey, AnalyzedPage> pages = new LinkedHashMap<>();
        private final Map<UUID, Vocabulary> vocabularies = new LinkedHashMap<>();
        private final Difficulty difficulty;
        private final DistractorPicker picker;
        private final Set<String> knownSentences;

        OfflineCandidates(List<DocumentAnalysis> documents, Difficulty difficulty, DistractorPicker picker,
                          Set<String> knownSentences) {
            this.difficulty = difficulty;
            this.picker = picker;
            this.knownSentences = knownSentences;
            for (DocumentAnalysis document : documents) {
                vocabularies.put(document.documentId(), document.vocabulary());
                for (AnalyzedPage page : document.pages()) {
                    if (page.hasUsableSentence()) {
                        pages.put(new PageKey(document.documentId(), page.source().page()), page);
                    }
                }
            }
        }

        String material() {
            long sentences = pages.values().stream()
                    .flatMap(p -> p.sentences().stream()).filter(AnalyzedSentence::usable).count();
            return sentences + " usable sentence" + (sentences == 1 ? "" : "s") + " on " + pages.size() + " page"
                    + (pages.size() == 1 ? "" : "s");
        }

        @Override
        public List<PageKey> pages() {
            return List.copyOf(pages.keySet());
        }

        @Override
        public String normalizedPageText(PageKey page) {
            AnalyzedPage analyzed = pages.get(page);
            return analyzed == null ? null : TextNormalizer.normalize(analyzed.source().text());
        }

        @Override
        public List<Candidate> candidates(PageKey key, QuestionType type) {
            AnalyzedPage page = pages.get(key);
            if (page == null) {
                return List.of();
            }
            Vocabulary vocabulary = vocabularies.get(key.documentId());
            List<Candidate> candidates = new ArrayList<>();
            for (AnalyzedSentence sentence : page.sentences()) {
                if (!sentence.usable()) {
                    continue;
                }
                SentenceContext context = new SentenceContext(page.source(), sentence,
                        vocabulary.occurrences(sentence.tokens()), difficulty, picker, knownSentences);
                if (context.occurrences().isEmpty()) {
                    continue;
                }
                build(context, type).ifPresent(candidates::add);
            }
            // stable sort: equal fits keep sentence order
            candidates.sort(Comparator.comparingDouble(Candidate::fit).reversed());
            return candidates;
        }

        private Optional<Candidate> build(SentenceContext context, QuestionType type) {
            double sentenceFit = sentenceFit(context.sentence().sentence().wordCount(), difficulty);
            if (type == QuestionType.SHORT_ANSWER) {
                return ShortAnswerBuilder.build(context).map(draft -> new Candidate(draft,
                        2 * termFit(termOf(context, draft), difficulty) + sentenceFit));
            }
            List<KeyTerm> terms = context.occurrences().stream().map(TermOccurrence::term).distinct()
                    .sorted(Comparator.comparingDouble((KeyTerm t) -> -termFit(t, difficulty))
                            .thenComparing(KeyTerm::key))
                    .limit(TERMS_PER_SENTENCE)
                    .toList();
            for (KeyTerm term : terms) {
                Optional<QuestionDraft> draft = switch (type) {
                    case FILL_IN_BLANK -> ClozeBuilder.build(context, term);
                    case MULTIPLE_CHOICE -> MultipleChoiceBuilder.build(context, term);
                    case TRUE_FALSE -> trueOrFalse(context, term);
                    case SHORT_ANSWER -> Optional.empty();
                };
                if (draft.isPresent()) {
                    return Optional.of(new Candidate(draft.get(), 2 * termFit(term, difficulty) + sentenceFit));
                }
            }
            return Optional.empty();
        }

        /** About half the statements are made false: which ones follows from a hash of sentence and term. */
        private static Optional<QuestionDraft> trueOrFalse(SentenceContext context, KeyTerm term) {
            boolean makeFalse = Math.floorMod((context.text() + "#" + term.key()).hashCode(), 2) == 0;
            if (makeFalse) {
                Optional<QuestionDraft> falseStatement = TrueFalseBuilder.build(context, term, true);
                if (falseStatement.isPresent()) {
                    return falseStatement;
                }
            }
            return TrueFalseBuilder.build(context, term, false);
        }

        private static KeyTerm termOf(SentenceContext context, QuestionDraft draft) {
            for (TermOccurrence occurrence : context.occurrences()) {
                if (occurrence.term().surface().equals(draft.topic())) {
                    return occurrence.term();
                }
            }
            return context.occurrences().getFirst().term();
        }
    }
}
