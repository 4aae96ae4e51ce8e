package dev.lectavera.study.ws;

import dev.lectavera.study.live.ConnectionRegistry;
import dev.lectavera.study.live.LiveEvents;
import dev.lectavera.study.live.SessionEvents;
import dev.lectavera.study.model.Json;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.repository.SessionRepository;
import dev.lectavera.study.service.ArchiveService;
import dev.lectavera.study.service.AskInterruptedProblem;
import dev.lectavera.study.service.AskService;
import dev.lectavera.study.service.ChatRateLimiter;
import dev.lectavera.study.service.StudyProblem;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code /ws/study/{sessionId}?token=…}: live chat of one session. The token must verify and the session must be
 * the token user's; otherwise the connection is closed with 1008 (policy violation). The client asks with
 * {@code {"type":"ask","content":"…"}}; everyone watching the session (on any instance) receives
 * {@code thinking}, {@code chunk}…, {@code citation}…, {@code complete}. The user's document progress arrives as
 * {@code document.progress}. Messages of one connection are handled one at a time.
 */
@WebSocket(path = "/ws/study/{sessionId}")
public class StudySocket {

    private static final Logger LOG = Logger.getLogger(StudySocket.class);
    static final int POLICY_VIOLATION = 1008;
    static final int MAX_CONTENT = 4000;

    private final SocketAuthenticator authenticator;
    private final SessionRepository sessions;
    private final ConnectionRegistry connections;
    private final SessionEvents events;
    private final AskService asks;
    private final ChatRateLimiter rateLimiter;
    private final ArchiveService archives;

    StudySocket(SocketAuthenticator authenticator, SessionRepository sessions, ConnectionRegistry connections,
                SessionEvents events, AskService asks, ChatRateLimiter rateLimiter, ArchiveService archives) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.connections = connections;
        this.events = events;
        this.asks = asks;
        this.rateLimiter = rateLimiter;
        this.archives = archives;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        UUID sessionId = uuid(connection.pathParam("sessionId"));
        Optional<SocketAuthenticator.VerifiedUser> user = authenticator.verify(
                SocketAuthenticator.queryParameter(connection.handshakeRequest().query(), "token"));
        if (user.isEmpty()) {
            refuse(connection, "a valid access token is required (?token=)");
            return;
        }
        Optional<SessionRow> session = sessionId == null ? Optional.empty()
                : sessions.findOwned(user.get().userId(), sessionId);
        if (session.isEmpty()) {
            refuse(connection, "session not found");
            return;
        }
        connections.attach(connection, user.get().userId(), sessionId, user.get().token(), user.get().expiresAt());
        if (session.get().active()) {
            archives.connectionOpened(sessionId);
        }
        events.sendTo(connection, new LiveEvents.Ready(sessionId, connection.id()));
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String text) {
        Optional<ConnectionRegistry.Live> found = connections.find(connection);
        if (found.isEmpty()) {
            return; // refused at open; the close is under way
        }
        ConnectionRegistry.Live live = found.get();
        ClientMessage message;
        try {
            message = Json.read(text, ClientMessage.class);
        } catch (IllegalArgumentException e) {
            error(connection, live, "invalid_message", "Not a JSON message", null);
            return;
        }
        switch (message.type() == null ? "" : message.type()) {
            case "ask" -> ask(connection, live, message.content());
            case "token" -> renewToken(connection, live, message.token());
            case "ping" -> events.sendTo(connection, new LiveEvents.Pong());
            default -> error(connection, live, "unknown_type",
                    "Unknown message type; send {\"type\":\"ask\",\"content\":\"…\"}", null);
        }
    }

    private void ask(WebSocketConnection connection, ConnectionRegistry.Live live, String content) {
        if (content == null || content.isBlank() || content.length() > MAX_CONTENT) {
            error(connection, live, "invalid_message", "content must be 1 to " + MAX_CONTENT + " characters", null);
            return;
        }
        if (live.tokenExpiresAt() <= System.currentTimeMillis() / 1000) {
            error(connection, live, "token_expired",
                    "The access token expired: send {\"type\":\"token\",\"token\":\"…\"} with a fresh one", null);
            return;
        }
        try {
            rateLimiter.acquire(live.userId());
            asks.ask(live.userId(), live.accessToken(), live.sessionId(), content.strip());
        } catch (AskInterruptedProblem alreadyAnnounced) {
            // the session's viewers, this one included, got the error event
        } catch (StudyProblem problem) {
            error(connection, live, problem.code(), problem.getDetail(), problem.retryAfterSeconds());
        } catch (RuntimeException e) {
            // failed before anything was announced (e.g. the database is unreachable)
            LOG.warnf("Question on session %s failed: %s", live.sessionId(), e.toString());
            StudyProblem problem = StudyProblem.internal();
            error(connection, live, problem.code(), "The question could not be taken; please ask again", null);
        }
    }

    private void renewToken(WebSocketConnection connection, ConnectionRegistry.Live live, String token) {
        Optional<SocketAuthenticator.VerifiedUser> user = authenticator.verify(token);
        if (user.isEmpty() || !user.get().userId().equals(live.userId())) {
            error(connection, live, "invalid_token", "The token does not verify or names another user", null);
            return;
        }
        live.renewToken(user.get().token(), user.get().expiresAt());
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        connections.detach(connection).ifPresent(detached -> {
            if (detached.lastOfSession().orElse(false)) {
                archives.lastConnectionClosed(detached.connection().sessionId());
            }
        });
    }

    private void error(WebSocketConnection connection, ConnectionRegistry.Live live, String code, String message,
                       Long retryAfter) {
        events.sendTo(connection, new LiveEvents.Error(live.sessionId(), null, code, message, retryAfter));
    }

    private static void refuse(WebSocketConnection connection, String reason) {
        connection.closeAndAwait(new CloseReason(POLICY_VIOLATION, reason));
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
