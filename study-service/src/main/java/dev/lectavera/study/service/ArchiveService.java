package dev.lectavera.study.service;

import dev.lectavera.contracts.events.ChatArchived;
import dev.lectavera.outbox.OutboxWriter;
import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.live.ConnectionRegistry;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.repository.SessionRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Closing sessions. A session is archived explicitly, when its last WebSocket (on any instance) has been closed
 * for the grace period, or when it has been idle for the idle timeout. The ACTIVE → ARCHIVED update and the
 * ChatArchived outbox row share one transaction, and only the transaction that changes the status writes the
 * event: exactly one ChatArchived per session, whoever archives it.
 */
@ApplicationScoped
public class ArchiveService {

    private static final Logger LOG = Logger.getLogger(ArchiveService.class);
    private static final int SWEEP_BATCH = 100;

    private final SessionRepository sessions;
    private final OutboxWriter outbox;
    private final ConnectionRegistry connections;
    private final StudyConfig config;

    ArchiveService(SessionRepository sessions, OutboxWriter outbox, ConnectionRegistry connections,
                   StudyConfig config) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.connections = connections;
        this.config = config;
    }

    /** Idempotent: an archived session is returned as it is, without a second event. */
    @Transactional
    public SessionRow archive(UUID userId, UUID sessionId) {
        SessionRow session = sessions.lockOwned(userId, sessionId)
                .orElseThrow(() -> StudyProblem.sessionNotFound(sessionId));
        return session.active() ? close(session) : session;
    }

    /** A WebSocket opened: no disconnect-archive is pending any more. */
    @Transactional
    public void connectionOpened(UUID sessionId) {
        sessions.keepAlive(sessionId, Instant.now());
    }

    /** The last WebSocket of the session (on every instance) closed: archive after the grace period. */
    @Transactional
    public void lastConnectionClosed(UUID sessionId) {
        sessions.scheduleArchive(sessionId, Instant.now().plus(config.sessions().disconnectGrace()));
    }

    @Scheduled(every = "${lectavera.study.sessions.sweep-interval:30s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        try {
            int archived = sweep();
            if (archived > 0) {
                LOG.infof("Archived %d sessions (disconnected or idle)", archived);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Archive sweep failed, will retry: %s", e.toString());
        }
    }

    /**
     * Archives disconnected and idle sessions. A session someone is connected to is kept (and counts as active);
     * when Redis cannot tell who is connected, only idle sessions are archived.
     *
     * @return sessions archived
     */
    @Transactional
    public int sweep() {
        Instant now = Instant.now();
        Instant idleBefore = now.minus(config.sessions().idleTimeout());
        int archived = 0;
        for (SessionRepository.ArchiveCandidate candidate : sessions.lockArchivable(now, idleBefore, SWEEP_BATCH)) {
            SessionRow session = candidate.session();
            OptionalLong connected = connections.presence(session.id());
            if (connected.isPresent() && connected.getAsLong() > 0) {
                sessions.keepAlive(session.id(), now);
                continue;
            }
            boolean idle = !session.lastActivityAt().isAfter(idleBefore);
            if (connected.isEmpty() && !idle) {
                continue; // disconnected on one instance, but others cannot be asked: wait for the idle timeout
            }
            close(session);
            archived++;
        }
        return archived;
    }

    private SessionRow close(SessionRow session) {
        Instant now = Instant.now();
        return sessions.archiveIfActive(session.id(), now).map(closed -> {
            outbox.append(closed.id(), new ChatArchived(closed.id(), closed.userId(), closed.messageCount(),
                    closed.startedAt(), closed.archivedAt(), closed.documentIds()));
            return closed;
        }).orElse(session);
    }
}
