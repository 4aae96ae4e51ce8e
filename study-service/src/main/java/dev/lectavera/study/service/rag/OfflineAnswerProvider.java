package dev.lectavera.study.service.rag;

import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Verdict;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in provider (the default, and the fallback of the model provider): an extractive answer streamed
 * sentence by sentence, each sentence followed by its citation. Spends no tokens.
 */
@ApplicationScoped
public class OfflineAnswerProvider implements AnswerProvider {

    private final ExtractiveAnswerer answerer;

    OfflineAnswerProvider(StudyConfig config) {
        this.answerer = new ExtractiveAnswerer(config.rag().maxSentences());
    }

    @Override
    public GeneratedAnswer answer(AnswerRequest request, AnswerSink sink) {
        return answer(request, sink, false);
    }

    GeneratedAnswer answer(AnswerRequest request, AnswerSink sink, boolean fallback) {
        ExtractiveAnswerer.Draft draft = answerer.compose(request.grading(), Terms.stems(request.question()));
        StringBuilder content = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        for (ExtractiveAnswerer.Piece piece : draft.pieces()) {
            sink.chunk(piece.text());
            content.append(piece.text());
            Citation citation = piece.citation();
            if (citation != null && CitationVerifier.verify(citation, request.retrieved())) {
                citations.add(citation);
                sink.citation(citation);
            }
        }
        // no sentence to quote means nothing was found, whatever the grades said
        Verdict verdict = citations.isEmpty() ? Verdict.NOT_FOUND : request.grading().verdict();
        return new GeneratedAnswer(content.toString(), List.copyOf(citations), verdict, ExtractiveAnswerer.MODEL,
                0, 0, fallback);
    }
}
