package dev.lectavera.quiz.generation.model;

import dev.lectavera.quiz.config.QuizConfig;
import dev.lectavera.quiz.generation.GenerationRequest;
import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.generation.QuizGenerator;
import dev.lectavera.quiz.generation.ShortfallNote;
import dev.lectavera.quiz.generation.gate.Candidate;
import dev.lectavera.quiz.generation.gate.CandidateSource;
import dev.lectavera.quiz.generation.gate.Gate;
import dev.lectavera.quiz.generation.gate.PageKey;
import dev.lectavera.quiz.generation.gate.QualityGates;
import dev.lectavera.quiz.generation.gate.QuestionSelector;
import dev.lectavera.quiz.generation.gate.QuestionSelector.Selection;
import dev.lectavera.quiz.text.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Questions written by an OpenAI-compatible model from passages sampled across the selected documents, then put
 * through the same quality gates and stratified selection as the offline generator. The model is asked for a few
 * more questions than requested so the gates have something to choose from; the quiz is never padded.
 * A reply that is not the expected JSON, or a model that fails, raises an exception: the caller falls back to the
 * offline generator.
 */
@ApplicationScoped
public class ModelQuizGenerator implements QuizGenerator {

    private static final Logger LOG = Logger.getLogger(ModelQuizGenerator.class);
    private static final int MAX_ASKED = 60;

    private final QuizModelCalls model;
    private final QuizConfig config;

    ModelQuizGenerator(QuizModelCalls model, QuizConfig config) {
        this.model = model;
        this.config = config;
    }

    @Override
    public String name() {
        return "openai:" + config.model().name();
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        List<Passage> passages = PassageSampler.sample(request.pages(), config.model().maxPassages());
        if (passages.isEmpty()) {
            throw new ModelOutputException("The documents have no passage long enough to show the model");
        }
        int asked = Math.min(MAX_ASKED, request.count() + Math.max(2, request.count() / 2));
        String reply = model.writeQuestions(
                ModelPrompts.writeQuestions(passages, asked, request.difficulty(), request.types()));
        ModelOutputParser.Parsed parsed = ModelOutputParser.questions(reply, passages, request.types());
        QualityGates gates = new QualityGates(config.generation().nearDuplicateThreshold(),
                config.model().supportCheck() ? this::supportedByModel : null);
        Selection selection = QuestionSelector.select(new ListedCandidates(parsed.questions(), request),
                request.count(), request.types(), gates);
        Map<Gate, Integer> rejections = new EnumMap<>(Gate.class);
        rejections.putAll(selection.rejections());
        if (parsed.malformed() > 0) {
            rejections.merge(Gate.FORMAT, parsed.malformed(), Integer::sum);
        }
        Selection counted = new Selection(selection.accepted(), selection.examined() + parsed.malformed(), rejections,
                selection.exhausted());
        return new GenerationResult(name(), selection.accepted(), counted.examined(), rejections,
                ShortfallNote.of(request.count(), counted, passages.size() + " passages shown to the model, which"
                        + " wrote " + (parsed.questions().size() + parsed.malformed()) + " questions"), null);
    }

    /** The optional support check: the model says whether the passage states the answer. No answer means no. */
    private boolean supportedByModel(QuestionDraft draft) {
        try {
            return ModelOutputParser.supported(model.checkSupport(ModelPrompts.checkSupport(
                    draft.source().passage(), draft.prompt(), draft.answer())));
        } catch (RuntimeException e) {
            LOG.debugf("Support check failed, counting the answer as unsupported: %s", e.toString());
            return false;
        }
    }

    /** The model's questions, page by page, in the order the model wrote them. */
    private static final class ListedCandidates implements CandidateSource {

        private final Map<PageKey, List<QuestionDraft>> byPage = new LinkedHashMap<>();
        private final Map<PageKey, String> pageTexts = new LinkedHashMap<>();
        private final List<PageKey> pages = new ArrayList<>();

        ListedCandidates(List<QuestionDraft> questions, GenerationRequest request) {
            request.pages().forEach(page -> {
                PageKey key = new PageKey(page.documentId(), page.page());
                pages.add(key);
                pageTexts.put(key, page.text());
            });
            for (QuestionDraft question : questions) {
                byPage.computeIfAbsent(new PageKey(question.source().documentId(), question.source().page()),
                        k -> new ArrayList<>()).add(question);
            }
            pages.removeIf(Predicate.not(byPage::containsKey));
        }

        @Override
        public List<PageKey> pages() {
            return pages;
        }

        @Override
        public List<Candidate> candidates(PageKey page, QuestionType type) {
            List<Candidate> candidates = new ArrayList<>();
            List<QuestionDraft> questions = byPage.getOrDefault(page, List.of());
            for (int i = 0; i < questions.size(); i++) {
                if (questions.get(i).type() == type) {
                    candidates.add(new Candidate(questions.get(i), -i));
                }
            }
            return candidates;
        }

        @Override
        public String normalizedPageText(PageKey page) {
            String text = pageTexts.get(page);
            return text == null ? null : TextNormalizer.normalize(text);
        }
    }
}
