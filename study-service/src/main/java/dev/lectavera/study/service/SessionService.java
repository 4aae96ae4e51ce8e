package dev.lectavera.study.service;

import dev.lectavera.study.model.Ids;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.model.SessionStatus;
import dev.lectavera.study.repository.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Sessions of a user. A session's documents must be the user's and INDEXED (asked from document-service with
 * the user's token) when they are selected. Another user's session is "not found" everywhere.
 */
@ApplicationScoped
public class SessionService {

    public record SessionList(List<SessionRow> items, long total) {
    }

    private final SessionRepository sessions;
    private final DocumentCatalog catalog;
    private final LiveWindow window;

    SessionService(SessionRepository sessions, DocumentCatalog catalog, LiveWindow window) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.window = window;
    }

    public SessionRow create(UUID userId, String accessToken, String title, List<UUID> documentIds) {
        List<UUID> selected = checkedSelection(userId, accessToken, documentIds);
        return insert(userId, title.strip(), selected);
    }

    /** Refused for a deleted user: a request that was on its way when UserDeleted was applied stores nothing. */
    @Transactional
    SessionRow insert(UUID userId, String title, List<UUID> documentIds) {
        sessions.lockUser(userId, false);
        return sessions.insert(Ids.next(), userId, title, documentIds)
                .orElseThrow(StudyProblem::accountDeleted);
    }

    public SessionList list(UUID userId, SessionStatus status, int page, int size) {
        return new SessionList(sessions.list(userId, status, page, size), sessions.count(userId, status));
    }

    public SessionRow get(UUID userId, UUID sessionId) {
        return sessions.findOwned(userId, sessionId).orElseThrow(() -> StudyProblem.sessionNotFound(sessionId));
    }

    /** Title and/or documents; an archived session is read-only. */
    public SessionRow update(UUID userId, String accessToken, UUID sessionId, String title, List<UUID> documentIds) {
        SessionRow current = get(userId, sessionId);
        if (!current.active()) {
            throw StudyProblem.sessionArchived(sessionId);
        }
        List<UUID> selected = documentIds == null ? null : checkedSelection(userId, accessToken, documentIds);
        return apply(userId, sessionId, title == null ? null : title.strip(), selected);
    }

    @Transactional
    SessionRow apply(UUID userId, UUID sessionId, String title, List<UUID> documentIds) {
        SessionRow locked = sessions.lockOwned(userId, sessionId)
                .orElseThrow(() -> StudyProblem.sessionNotFound(sessionId));
        if (!locked.active()) {
            throw StudyProblem.sessionArchived(sessionId);
        }
        return sessions.update(sessionId, title, documentIds);
    }

    public void delete(UUID userId, UUID sessionId) {
        if (!deleteRow(userId, sessionId)) {
            throw StudyProblem.sessionNotFound(sessionId);
        }
        window.drop(sessionId);
    }

    @Transactional
    boolean deleteRow(UUID userId, UUID sessionId) {
        return sessions.delete(userId, sessionId);
    }

    /** Duplicates removed (first occurrence kept); each one checked with document-service. */
    private List<UUID> checkedSelection(UUID userId, String accessToken, List<UUID> documentIds) {
        List<UUID> unique = List.copyOf(new LinkedHashSet<>(documentIds));
        for (UUID id : unique) {
            catalog.requireIndexed(userId, accessToken, id);
        }
        return unique;
    }
}
