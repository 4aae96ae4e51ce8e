package dev.lectavera.study.service;

import dev.lectavera.study.model.SessionRow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one question is answered with, worked out once ({@link QuestionPreparer}) and passed down: nothing on the
 * way to the answer resolves the session or its documents, condenses, hashes or reads the answer cache again.
 *
 * @param session          the asked session
 * @param documentVersions its documents that still exist, with the versions the cache key was made of (in the
 *                         session's order)
 * @param condensed        the question to retrieve and grade with
 * @param cacheKey         the answer cache key ({@link dev.lectavera.study.service.rag.CacheKeys})
 * @param cached           the cache's answer under that key: empty on a miss, with the cache off, or when there is
 *                         no document to answer from (the cache was not asked)
 */
record PreparedQuestion(SessionRow session, Map<UUID, Long> documentVersions, String condensed, String cacheKey,
                        Optional<AnswerCache.CachedAnswer> cached) {

    PreparedQuestion {
        documentVersions = Collections.unmodifiableMap(new LinkedHashMap<>(documentVersions));
    }

    List<UUID> documentIds() {
        return List.copyOf(documentVersions.keySet());
    }
}
