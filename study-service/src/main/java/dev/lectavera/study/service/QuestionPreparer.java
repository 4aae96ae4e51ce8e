package dev.lectavera.study.service;

import dev.lectavera.study.client.DocumentInfo;
import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.model.MessageRow;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.repository.SessionRepository;
import dev.lectavera.study.service.rag.CacheKeys;
import dev.lectavera.study.service.rag.CorrectiveRag;
import dev.lectavera.study.service.rag.QuestionCondenser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Works out a {@link PreparedQuestion} — session, documents, condensed question, cache key and the cache's answer —
 * once per question, at one of two moments:
 * <ul>
 *   <li>{@link #beforeStoring}, when that costs nothing but this instance's memory and one Redis read: the
 *       question needs no history (it stands alone, or the session has none yet) and this instance knows every
 *       document of the session. A hit can then be stored with its question in one commit; a miss is answered
 *       with the same preparation, without asking Redis again.</li>
 *   <li>{@link #afterStoring} otherwise, once the question is stored and announced: what may be slow or fail (an
 *       unknown document asked from document-service, the history read, a model condensing a follow-up) comes after
 *       {@code thinking}, and its failure is announced to the session with the question kept.</li>
 * </ul>
 */
@ApplicationScoped
public class QuestionPreparer {

    private final SessionRepository sessions;
    private final DocumentCatalog catalog;
    private final CorrectiveRag rag;
    private final AnswerCache cache;
    private final ChatLog chatLog;
    private final int condenseHistory;

    QuestionPreparer(SessionRepository sessions, DocumentCatalog catalog, CorrectiveRag rag, AnswerCache cache,
                     ChatLog chatLog, StudyConfig config) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.rag = rag;
        this.cache = cache;
        this.chatLog = chatLog;
        this.condenseHistory = config.chat().condenseHistory();
    }

    /**
     * Empty whenever preparing now is not certain to give what {@link #afterStoring} would: the cache is off, the
     * session is not the user's active one (storing the question answers that), it has no documents, the question
     * needs the history, or a document is unknown here.
     */
    Optional<PreparedQuestion> beforeStoring(UUID userId, String accessToken, UUID sessionId, String question) {
        if (!cache.enabled()) {
            return Optional.empty();
        }
        SessionRow session = sessions.findOwned(userId, sessionId).orElse(null);
        if (session == null || !session.active() || session.documentIds().isEmpty()
                || session.messageCount() > 0 && rag.needsHistory(question)) {
            return Optional.empty();
        }
        Optional<List<DocumentInfo>> documents = catalog.knownOnly(userId, accessToken, session.documentIds());
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Long> versions = versionsOf(documents.get());
        // no history: condensing is the question itself (no model call), as afterStoring would find it
        String condensed = rag.condense(question, List.of());
        String cacheKey = CacheKeys.hash(userId, condensed, versions);
        return Optional.of(new PreparedQuestion(session, versions, condensed, cacheKey, cache.get(cacheKey)));
    }

    /**
     * @param session the session as storing the question left it (its counters include the question)
     * @throws StudyProblem when a document cannot be resolved (document-service unavailable or rejecting the token)
     */
    PreparedQuestion afterStoring(UUID userId, String accessToken, SessionRow session, MessageRow question) {
        DocumentCatalog.Resolved resolved = catalog.resolve(userId, accessToken, session.documentIds());
        Map<UUID, Long> versions = versionsOf(resolved.documents());
        // a question that stands alone is condensed to itself: the history is not read at all
        List<QuestionCondenser.Turn> turns = session.messageCount() > 1 && rag.needsHistory(question.content())
                ? chatLog.turnsBefore(session, question.id(), condenseHistory) : List.of();
        String condensed = rag.condense(question.content(), turns);
        String cacheKey = CacheKeys.hash(userId, condensed, versions);
        Optional<AnswerCache.CachedAnswer> cached = versions.isEmpty() ? Optional.empty() : cache.get(cacheKey);
        return new PreparedQuestion(session, versions, condensed, cacheKey, cached);
    }

    private static Map<UUID, Long> versionsOf(List<DocumentInfo> documents) {
        Map<UUID, Long> versions = new LinkedHashMap<>();
        for (DocumentInfo document : documents) {
            versions.put(document.id(), document.version());
        }
        return versions;
    }
}
