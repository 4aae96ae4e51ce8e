package dev.lectavera.study.service.rag;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Verdict;
import io.quarkiverse.langchain4j.runtime.aiservice.ChatEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Answers with the configured OpenAI-compatible model, streaming its tokens as they arrive. Guarded by a timeout,
 * one retry (only while nothing was streamed yet) and a circuit breaker; on failure the offline provider answers,
 * labelled as such ({@code model: lectavera-offline-extractive}, {@code fallback: true}).
 */
@ApplicationScoped
public class OpenAiAnswerProvider implements AnswerProvider {

    private static final Logger LOG = Logger.getLogger(OpenAiAnswerProvider.class);

    /** The model failed after part of the answer was streamed: retrying would stream it twice. */
    static final class StreamBroken extends RuntimeException {
        StreamBroken(Throwable cause) {
            super("model stream broke after it started: " + cause, cause);
        }
    }

    private final GroundedAnswerModel model;
    private final OfflineAnswerProvider offline;
    private final StudyConfig config;

    OpenAiAnswerProvider(GroundedAnswerModel model, OfflineAnswerProvider offline, StudyConfig config) {
        this.model = model;
        this.offline = offline;
        this.config = config;
    }

    @Override
    @Timeout(value = 90, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 500, abortOn = StreamBroken.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000, successThreshold = 1)
    @Fallback(fallbackMethod = "offlineFallback")
    public GeneratedAnswer answer(AnswerRequest request, AnswerSink sink) {
        List<Passage> numbered = ExtractiveAnswerer.usable(request.grading()).stream()
                .limit(config.rag().maxModelPassages())
                .map(GradedPassage::passage)
                .toList();
        StringBuilder content = new StringBuilder();
        ChatResponse completed = null;
        boolean started = false;
        try {
            for (ChatEvent event : model.answer(prompt(numbered), request.question()).subscribe().asIterable()) {
                if (event instanceof ChatEvent.PartialResponseEvent partial && partial.getChunk() != null) {
                    started = true;
                    content.append(partial.getChunk());
                    sink.chunk(partial.getChunk());
                } else if (event instanceof ChatEvent.ChatCompletedEvent done) {
                    completed = done.getChatResponse();
                }
            }
        } catch (RuntimeException e) {
            if (started) {
                throw new StreamBroken(e);
            }
            throw e;
        }
        if (content.isEmpty() && completed != null && completed.aiMessage() != null
                && completed.aiMessage().text() != null) {
            content.append(completed.aiMessage().text()); // an endpoint that does not stream
            sink.chunk(completed.aiMessage().text());
        }
        String text = content.toString();
        List<Citation> citations = CitationVerifier.verify(
                ModelCitations.extract(text, numbered, request.grading().questionTerms()), request.retrieved());
        citations.forEach(sink::citation);
        Verdict verdict = request.grading().verdict();
        if (citations.isEmpty() && verdict == Verdict.CORRECT) {
            verdict = Verdict.AMBIGUOUS; // an answer we cannot ground is not called correct
        }
        TokenUsage usage = completed == null ? null : completed.tokenUsage();
        String modelName = completed != null && completed.modelName() != null ? completed.modelName()
                : config.model().name();
        return new GeneratedAnswer(text, citations, verdict, modelName,
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(), false);
    }

    GeneratedAnswer offlineFallback(AnswerRequest request, AnswerSink sink, Throwable failure) {
        LOG.warnf("Model provider failed, answering with the offline provider: %s", failure.toString());
        sink.reset("model_failed");
        return offline.answer(request, sink, true);
    }

    static String prompt(List<Passage> numbered) {
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < numbered.size(); i++) {
            Passage p = numbered.get(i);
            prompt.append('[').append(i + 1).append("] (").append(p.title()).append(", page ").append(p.page())
                    .append(")\n").append(p.text().strip()).append("\n\n");
        }
        return prompt.toString().strip();
    }
}
