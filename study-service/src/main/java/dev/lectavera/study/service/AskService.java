package dev.lectavera.study.service;

import dev.lectavera.study.live.LiveEvents;
import dev.lectavera.study.live.SessionEventPublisher;
import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Ids;
import dev.lectavera.study.model.MessageRow;
import dev.lectavera.study.model.Role;
import dev.lectavera.study.repository.MessageRepository.NewMessage;
import dev.lectavera.study.service.rag.AnswerSink;
import dev.lectavera.study.service.rag.CorrectiveRag;
import dev.lectavera.study.service.rag.GeneratedAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One question, from any client (HTTP or WebSocket): charge the chat limit, store it, tell the session
 * ({@code thinking}), answer from the cache or through corrective RAG while streaming to the session, store the
 * answer with its QueryAnswered event, then tell the session ({@code complete}). Each message is committed before
 * it is announced. What the answer needs is worked out once ({@link QuestionPreparer}); when that can happen before
 * the question is stored and finds a cache hit, the exchange takes a shorter way: question and answer in one
 * commit, one announcement ({@link #answerFromCache}).
 */
@ApplicationScoped
public class AskService {

    private static final Logger LOG = Logger.getLogger(AskService.class);

    /** The two stored messages of one exchange. */
    public record Answered(MessageRow question, MessageRow answer) {
    }

    private final ChatRateLimiter rateLimiter;
    private final QuestionPreparer preparer;
    private final ChatLog chatLog;
    private final CorrectiveRag rag;
    private final AnswerCache cache;
    private final SessionEventPublisher events;

    AskService(ChatRateLimiter rateLimiter, QuestionPreparer preparer, ChatLog chatLog, CorrectiveRag rag,
               AnswerCache cache, SessionEventPublisher events) {
        this.rateLimiter = rateLimiter;
        this.preparer = preparer;
        this.chatLog = chatLog;
        this.rag = rag;
        this.cache = cache;
        this.events = events;
    }

    /**
     * @param timings where the time goes, step by step (filled in as the question is handled)
     * @throws StudyProblem          before anything was announced (over the chat limit, unknown or archived session)
     * @throws AskInterruptedProblem after {@code thinking}: the session was sent an {@code error} event
     */
    public Answered ask(UUID userId, String accessToken, UUID sessionId, String content, AskTimings timings) {
        // Redis counts the question while the session is read; nothing is stored or announced before the check
        ChatRateLimiter.Charge charge = rateLimiter.charge(userId);
        long started = System.nanoTime();
        Optional<PreparedQuestion> early;
        try {
            early = preparer.beforeStoring(userId, accessToken, sessionId, content);
        } catch (RuntimeException e) {
            charge.check(); // over the limit, the 429 comes first, as when the limit was checked first
            throw e;
        }
        timings.lap(AskTimings.Step.ANSWER);
        charge.check();
        timings.lap(AskTimings.Step.LIMIT);
        if (early.isPresent() && early.get().cached().isPresent()) {
            return answerFromCache(userId, early.get(), content, started, timings);
        }
        timings.lap(AskTimings.Step.ANSWER);
        ChatLog.Asked asked = chatLog.appendQuestion(userId, sessionId, content);
        timings.lap(AskTimings.Step.STORE);
        MessageRow question = asked.question();
        UUID answerId = Ids.next();
        events.publish(sessionId, new LiveEvents.Thinking(sessionId, answerId,
                new LiveEvents.Question(question.id(), question.content(), question.createdAt())));
        timings.lap(AskTimings.Step.PUBLISH);
        StreamingSink sink = new StreamingSink(sessionId, answerId);
        try {
            PreparedQuestion prepared = early.isPresent() ? early.get()
                    : preparer.afterStoring(userId, accessToken, asked.session(), question);
            MessageRow answer = answer(userId, accessToken, prepared, question, answerId, sink, started, timings);
            if (Boolean.TRUE.equals(answer.cacheHit())) {
                // nothing was streamed: the whole cached answer goes out as one message, after its commit
                events.publishAll(sessionId, cachedAnswerEvents(sessionId, question.id(), answer, sink.fallback));
            } else {
                events.publish(sessionId, complete(sessionId, question.id(), answer, sink.fallback));
            }
            timings.lap(AskTimings.Step.PUBLISH);
            return new Answered(question, answer);
        } catch (StudyProblem problem) {
            events.publish(sessionId, new LiveEvents.Error(sessionId, answerId, problem.code(), problem.getDetail(),
                    problem.retryAfterSeconds()));
            throw new AskInterruptedProblem(problem);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Answering question %s failed", question.id());
            StudyProblem problem = StudyProblem.internal();
            events.publish(sessionId, new LiveEvents.Error(sessionId, answerId, problem.code(), problem.getDetail(),
                    null));
            throw new AskInterruptedProblem(problem);
        }
    }

    /**
     * A cache hit found before the question is stored: the question, the answer and QueryAnswered are committed
     * together and announced as one message (thinking, the answer, its citations, complete) — one commit and one
     * Redis publish fewer than the general path. Storing fails as it would for any question (and stores nothing)
     * when the session stopped being the user's active one meanwhile.
     */
    private Answered answerFromCache(UUID userId, PreparedQuestion prepared, String content, long started,
                                     AskTimings timings) {
        AnswerCache.CachedAnswer cached = prepared.cached().orElseThrow();
        UUID sessionId = prepared.session().id();
        UUID answerId = Ids.next();
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        timings.lap(AskTimings.Step.ANSWER);
        Answered answered = chatLog.appendExchange(userId, sessionId, content, new NewMessage(answerId, sessionId,
                Role.ASSISTANT, cached.content(), cached.citations(), cached.verdict(), cached.model(), true, 0, 0,
                latencyMs), prepared.documentIds());
        timings.lap(AskTimings.Step.STORE);
        MessageRow question = answered.question();
        MessageRow answer = answered.answer();
        List<Object> all = new ArrayList<>(answer.citations().size() + 3);
        all.add(new LiveEvents.Thinking(sessionId, answerId,
                new LiveEvents.Question(question.id(), question.content(), question.createdAt())));
        all.addAll(cachedAnswerEvents(sessionId, question.id(), answer, false));
        events.publishAll(sessionId, all);
        timings.lap(AskTimings.Step.PUBLISH);
        return answered;
    }

    /** A cached answer as the events that would have streamed it: the whole text, its citations, complete. */
    private static List<Object> cachedAnswerEvents(UUID sessionId, UUID questionId, MessageRow answer,
                                                   boolean fallback) {
        List<Object> all = new ArrayList<>(answer.citations().size() + 2);
        all.add(new LiveEvents.Chunk(sessionId, answer.id(), answer.content()));
        answer.citations().forEach(c -> all.add(new LiveEvents.CitationAdded(sessionId, answer.id(), c)));
        all.add(complete(sessionId, questionId, answer, fallback));
        return all;
    }

    private static LiveEvents.Complete complete(UUID sessionId, UUID questionId, MessageRow answer, boolean fallback) {
        return new LiveEvents.Complete(sessionId, answer.id(), questionId, answer.verdict(), answer.citations(),
                answer.model(), Boolean.TRUE.equals(answer.cacheHit()), fallback, answer.content(), answer.createdAt());
    }

    /** The prepared question's cached answer, or one generated now (and cached unless it is a model fallback). */
    private MessageRow answer(UUID userId, String accessToken, PreparedQuestion prepared, MessageRow question,
                              UUID answerId, StreamingSink sink, long started, AskTimings timings) {
        List<UUID> documentIds = prepared.documentIds();
        Optional<AnswerCache.CachedAnswer> hit = prepared.cached();
        GeneratedAnswer generated;
        if (hit.isPresent()) {
            AnswerCache.CachedAnswer cached = hit.get();
            generated = new GeneratedAnswer(cached.content(), cached.citations(), cached.verdict(), cached.model(),
                    0, 0, false);
        } else {
            generated = rag.answer(accessToken, question.content(), prepared.condensed(), documentIds, sink);
            sink.fallback = generated.fallback();
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        timings.lap(AskTimings.Step.ANSWER);
        MessageRow answer = chatLog.appendAnswer(userId, new NewMessage(answerId, prepared.session().id(),
                Role.ASSISTANT, generated.content(), generated.citations(), generated.verdict(), generated.model(),
                hit.isPresent(), generated.promptTokens(), generated.completionTokens(), latencyMs), documentIds);
        timings.lap(AskTimings.Step.STORE);
        if (hit.isEmpty() && !generated.fallback() && !documentIds.isEmpty()) {
            // a fallback answer is not cached: the model gets its chance again next time
            cache.put(prepared.cacheKey(), new AnswerCache.CachedAnswer(generated.content(), generated.citations(),
                    generated.verdict(), generated.model()), documentIds);
            timings.lap(AskTimings.Step.ANSWER);
        }
        return answer;
    }

    /** Streams the answer to everyone watching the session. */
    private final class StreamingSink implements AnswerSink {
        private final UUID sessionId;
        private final UUID messageId;
        private boolean streamed;
        private boolean fallback;

        StreamingSink(UUID sessionId, UUID messageId) {
            this.sessionId = sessionId;
            this.messageId = messageId;
        }

        @Override
        public void chunk(String delta) {
            if (delta != null && !delta.isEmpty()) {
                streamed = true;
                events.publish(sessionId, new LiveEvents.Chunk(sessionId, messageId, delta));
            }
        }

        @Override
        public void citation(Citation citation) {
            events.publish(sessionId, new LiveEvents.CitationAdded(sessionId, messageId, citation));
        }

        @Override
        public void reset(String reason) {
            fallback = true;
            if (streamed) {
                streamed = false;
                events.publish(sessionId, new LiveEvents.Reset(sessionId, messageId, reason));
            }
        }
    }
}
