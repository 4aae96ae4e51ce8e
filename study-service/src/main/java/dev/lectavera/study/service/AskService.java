package dev.lectavera.study.service;

import dev.lectavera.study.client.DocumentInfo;
import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.live.LiveEvents;
import dev.lectavera.study.live.SessionEventPublisher;
import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Ids;
import dev.lectavera.study.model.MessageRow;
import dev.lectavera.study.model.Role;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.repository.MessageRepository.NewMessage;
import dev.lectavera.study.repository.SessionRepository;
import dev.lectavera.study.service.rag.AnswerSink;
import dev.lectavera.study.service.rag.CacheKeys;
import dev.lectavera.study.service.rag.CorrectiveRag;
import dev.lectavera.study.service.rag.GeneratedAnswer;
import dev.lectavera.study.service.rag.QuestionCondenser;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One question, from any client (HTTP or WebSocket): store it, tell the session ({@code thinking}), answer from
 * the cache or through corrective RAG while streaming to the session, store the answer with its QueryAnswered
 * event, then tell the session ({@code complete}). Each message is committed before it is announced. A cache hit
 * that can be known before the question is stored takes a shorter way: question and answer in one commit, one
 * announcement ({@link #answerFromCache}).
 * The caller applies the rate limit.
 */
@ApplicationScoped
public class AskService {

    private static final Logger LOG = Logger.getLogger(AskService.class);

    /** The two stored messages of one exchange. */
    public record Answered(MessageRow question, MessageRow answer) {
    }

    private final ChatLog chatLog;
    private final SessionRepository sessions;
    private final DocumentCatalog catalog;
    private final CorrectiveRag rag;
    private final AnswerCache cache;
    private final SessionEventPublisher events;
    private final StudyConfig config;

    AskService(ChatLog chatLog, SessionRepository sessions, DocumentCatalog catalog, CorrectiveRag rag,
               AnswerCache cache, SessionEventPublisher events, StudyConfig config) {
        this.chatLog = chatLog;
        this.sessions = sessions;
        this.catalog = catalog;
        this.rag = rag;
        this.cache = cache;
        this.events = events;
        this.config = config;
    }

    /**
     * @throws StudyProblem          before anything was announced (unknown or archived session)
     * @throws AskInterruptedProblem after {@code thinking}: the session was sent an {@code error} event
     */
    public Answered ask(UUID userId, String accessToken, UUID sessionId, String content) {
        long started = System.nanoTime();
        Optional<Answered> fromCache = answerFromCache(userId, accessToken, sessionId, content, started);
        if (fromCache.isPresent()) {
            return fromCache.get();
        }
        ChatLog.Asked asked = chatLog.appendQuestion(userId, sessionId, content);
        MessageRow question = asked.question();
        UUID answerId = Ids.next();
        events.publish(sessionId, new LiveEvents.Thinking(sessionId, answerId,
                new LiveEvents.Question(question.id(), question.content(), question.createdAt())));
        StreamingSink sink = new StreamingSink(sessionId, answerId);
        try {
            MessageRow answer = answer(userId, accessToken, asked.session(), question, answerId, sink, started);
            if (Boolean.TRUE.equals(answer.cacheHit())) {
                // nothing was streamed: the whole cached answer goes out as one message, after its commit
                events.publishAll(sessionId, cachedAnswerEvents(sessionId, question.id(), answer, sink.fallback));
            } else {
                events.publish(sessionId, complete(sessionId, question.id(), answer, sink.fallback));
            }
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
     * A cache hit found before the question is stored: possible when the cache key needs nothing that storing the
     * question would change — the question needs no history (it stands alone, or the session has none yet) and
     * this instance knows the session's documents. The question, the answer and QueryAnswered are then committed
     * together and announced as one message (thinking, the answer, its citations, complete): one commit and one
     * Redis publish fewer than the general path. Empty whenever that is not certain — a miss, a follow-up, an
     * unknown document, a session that is not the user's active one: the general path then runs, and answers
     * every error itself.
     */
    private Optional<Answered> answerFromCache(UUID userId, String accessToken, UUID sessionId, String content,
                                               long started) {
        if (!cache.enabled()) {
            return Optional.empty();
        }
        SessionRow session = sessions.findOwned(userId, sessionId).orElse(null);
        if (session == null || !session.active() || session.documentIds().isEmpty()
                || session.messageCount() > 0 && rag.needsHistory(content)) {
            return Optional.empty();
        }
        Optional<List<DocumentInfo>> documents = catalog.knownOnly(userId, accessToken, session.documentIds());
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Long> versions = versionsOf(documents.get());
        // No history: condensing is the question itself (no model call), as the general path would find it.
        String cacheKey = CacheKeys.hash(userId, rag.condense(content, List.of()), versions);
        Optional<AnswerCache.CachedAnswer> hit = cache.get(cacheKey);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        AnswerCache.CachedAnswer cached = hit.get();
        List<UUID> documentIds = List.copyOf(versions.keySet());
        UUID answerId = Ids.next();
        Answered answered = chatLog.appendExchange(userId, sessionId, content, new NewMessage(answerId, sessionId,
                Role.ASSISTANT, cached.content(), cached.citations(), cached.verdict(), cached.model(), true, 0, 0,
                (System.nanoTime() - started) / 1_000_000), documentIds);
        MessageRow question = answered.question();
        MessageRow answer = answered.answer();
        List<Object> all = new ArrayList<>(answer.citations().size() + 3);
        all.add(new LiveEvents.Thinking(sessionId, answerId,
                new LiveEvents.Question(question.id(), question.content(), question.createdAt())));
        all.addAll(cachedAnswerEvents(sessionId, question.id(), answer, false));
        events.publishAll(sessionId, all);
        return Optional.of(answered);
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

    private static Map<UUID, Long> versionsOf(List<DocumentInfo> documents) {
        Map<UUID, Long> versions = new LinkedHashMap<>();
        for (DocumentInfo document : documents) {
            versions.put(document.id(), document.version());
        }
        return versions;
    }

    private MessageRow answer(UUID userId, String accessToken, SessionRow session, MessageRow question,
                              UUID answerId, StreamingSink sink, long started) {
        DocumentCatalog.Resolved resolved = catalog.resolve(userId, accessToken, session.documentIds());
        Map<UUID, Long> versions = versionsOf(resolved.documents());
        List<UUID> documentIds = List.copyOf(versions.keySet());
        // a question that stands alone is condensed to itself: the history is not read at all
        List<QuestionCondenser.Turn> turns = session.messageCount() > 1 && rag.needsHistory(question.content())
                ? chatLog.turnsBefore(session, question.id(), config.chat().condenseHistory()) : List.of();
        String condensed = rag.condense(question.content(), turns);
        String cacheKey = CacheKeys.hash(userId, condensed, versions);

        Optional<AnswerCache.CachedAnswer> hit = documentIds.isEmpty() ? Optional.empty() : cache.get(cacheKey);
        GeneratedAnswer generated;
        if (hit.isPresent()) {
            AnswerCache.CachedAnswer cached = hit.get();
            generated = new GeneratedAnswer(cached.content(), cached.citations(), cached.verdict(), cached.model(),
                    0, 0, false);
        } else {
            generated = rag.answer(accessToken, question.content(), condensed, documentIds, sink);
            sink.fallback = generated.fallback();
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        MessageRow answer = chatLog.appendAnswer(userId, new NewMessage(answerId, session.id(), Role.ASSISTANT,
                generated.content(), generated.citations(), generated.verdict(), generated.model(), hit.isPresent(),
                generated.promptTokens(), generated.completionTokens(), latencyMs), documentIds);
        if (hit.isEmpty() && !generated.fallback() && !documentIds.isEmpty()) {
            // a fallback answer is not cached: the model gets its chance again next time
            cache.put(cacheKey, new AnswerCache.CachedAnswer(generated.content(), generated.citations(),
                    generated.verdict(), generated.model()), documentIds);
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
