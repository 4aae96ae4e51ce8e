package dev.lectavera.study.service.rag;

import dev.lectavera.study.client.DocumentApi;
import dev.lectavera.study.client.SearchResults;
import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.model.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Corrective RAG: condense the question with the recent history, retrieve from document-service over the
 * session's documents, grade every passage, and answer only from the relevant ones — or say plainly that the
 * documents do not cover it (NOT_FOUND, no citations). Web search is a port without an implementation here
 * (see {@link WebSearch}), so it is never consulted and never mixed into document answers.
 */
@ApplicationScoped
public class CorrectiveRag {

    private static final Logger LOG = Logger.getLogger(CorrectiveRag.class);

    private final DocumentApi documents;
    private final StudyConfig config;
    private final OfflineAnswerProvider offline;
    private final Instance<OpenAiAnswerProvider> openAi;
    private final Instance<ModelCondenser> modelCondenser;
    private final OfflineCondenser offlineCondenser = new OfflineCondenser();
    private final PassageGrader grader;

    CorrectiveRag(DocumentApi documents, StudyConfig config, OfflineAnswerProvider offline,
                  Instance<OpenAiAnswerProvider> openAi, Instance<ModelCondenser> modelCondenser,
                  Instance<WebSearch> webSearch) {
        this.documents = documents;
        this.config = config;
        this.offline = offline;
        this.openAi = openAi;
        this.modelCondenser = modelCondenser;
        StudyConfig.Rag rag = config.rag();
        this.grader = new PassageGrader(new PassageGrader.Calibration(rag.strongThreshold(), rag.weakThreshold(),
                rag.strongRelevance(), rag.weakRelevance(), rag.termWeight()));
        LOG.infof("Answers by the %s provider; web search: %s", config.model().provider(),
                webSearch.isUnsatisfied() ? "no provider configured (questions the documents cannot answer get"
                        + " NOT_FOUND)" : "a provider exists but is not wired into answers");
    }

    private boolean modelConfigured() {
        return config.model().provider() == StudyConfig.Provider.OPENAI;
    }

    /** Whether condensing this question can use the history (the offline rules leave a standalone one as is). */
    public boolean needsHistory(String question) {
        return modelConfigured() || OfflineCondenser.isFollowUp(question.strip());
    }

    public String condense(String question, List<QuestionCondenser.Turn> history) {
        QuestionCondenser condenser = modelConfigured() ? modelCondenser.get() : offlineCondenser;
        return condenser.condense(question, history);
    }

    /**
     * @param condensed   the question to retrieve and grade with (see {@link #condense})
     * @param documentIds the session's documents that still exist
     */
    public GeneratedAnswer answer(String accessToken, String question, String condensed, List<UUID> documentIds,
                                  AnswerSink sink) {
        if (documentIds.isEmpty()) {
            sink.chunk(Answers.NO_DOCUMENTS);
            return new GeneratedAnswer(Answers.NO_DOCUMENTS, List.of(), Verdict.NOT_FOUND, ExtractiveAnswerer.MODEL,
                    0, 0, false);
        }
        List<Passage> passages = retrieve(accessToken, condensed, documentIds);
        Grading grading = grader.grade(condensed, passages);
        if (grading.verdict() == Verdict.NOT_FOUND) {
            sink.chunk(Answers.NOT_FOUND);
            return new GeneratedAnswer(Answers.NOT_FOUND, List.of(), Verdict.NOT_FOUND, ExtractiveAnswerer.MODEL,
                    0, 0, false);
        }
        AnswerRequest request = new AnswerRequest(question, condensed, grading, passages);
        AnswerProvider provider = modelConfigured() ? openAi.get() : offline;
        return provider.answer(request, sink);
    }

    private List<Passage> retrieve(String accessToken, String query, List<UUID> documentIds) {
        List<SearchResults.Result> results = documents.search(accessToken, query, documentIds, config.rag().topK());
        List<Passage> passages = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            SearchResults.Result r = results.get(i);
            if (r.text() != null && documentIds.contains(r.documentId())) {
                passages.add(new Passage(r.documentId(), r.title(), r.page(), r.startOffset(), r.endOffset(),
                        r.text(), i, r.similarity() == null ? Double.NaN : r.similarity(), r.lowConfidence()));
            }
        }
        return passages;
    }
}
