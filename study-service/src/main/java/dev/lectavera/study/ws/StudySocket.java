package dev.lectavera.study.ws;

import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.live.ConnectionRegistry;
import dev.lectavera.study.live.LiveEvents;
import dev.lectavera.study.live.SessionEventPublisher;
import dev.lectavera.study.live.SocketRevocations;
import dev.lectavera.study.model.Json;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.repository.SessionRepository;
import dev.lectavera.study.service.ArchiveService;
import dev.lectavera.study.service.AskInterruptedProblem;
import dev.lectavera.study.service.AskService;
import dev.lectavera.study.service.AskTimings;
import dev.lectavera.study.service.StudyProblem;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code /ws/study/{sessionId}?token=…}: live chat of one session. The token must verify, not be revoked, and the
 * session must be the token user's; otherwise the connection is closed with 1008 (policy violation). The client asks
 * with {@code {"type":"ask","content":"…"}}; everyone watching the session (on any instance) receives
 * {@code thinking}, {@code chunk}…, {@code citation}…, {@code complete}. The user's document progress arrives as
 * {@code document.progress}. Messages of one connection are handled one at a time ({@link Inbox}), after the open.
 * <p>
 * Limits: {@code websocket.max-connections-per-user} sockets per user on this instance (1008 "too many
 * connections"), a frame rate per connection ({@code error rate_limited}, then 1008 "too many messages"), and the
 * frame size ({@code quarkus.websockets-next.server.max-frame-size}: 1009). A socket closes with 4401 when its token
 * expires unrenewed or is revoked ({@link SocketRevocations}).
 */
@WebSocket(path = "/ws/study/{sessionId}")
public class StudySocket {

    private static final Logger LOG = Logger.getLogger(StudySocket.class);
    static final int POLICY_VIOLATION = 1008;
    static final int MESSAGE_TOO_BIG = 1009;
    static final int INTERNAL_ERROR = 1011;
    static final int MAX_CONTENT = 4000;

    private final SocketAuthenticator authenticator;
    private final SessionRepository sessions;
    private final ConnectionRegistry connections;
    private final SessionEventPublisher events;
    private final SocketRevocations revocations;
    private final AskService asks;
    private final ArchiveService archives;
    private final StudyConfig.Websocket config;

    StudySocket(SocketAuthenticator authenticator, SessionRepository sessions, ConnectionRegistry connections,
                SessionEventPublisher events, SocketRevocations revocations, AskService asks, ArchiveService archives,
                StudyConfig config) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.connections = connections;
        this.events = events;
        this.revocations = revocations;
        this.asks = asks;
        this.archives = archives;
        this.config = config.websocket();
    }

    /** On the connection's event loop: its inbox is made before any frame can arrive, and the open goes first. */
    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        Context context = Vertx.currentContext();
        Inbox inbox = new Inbox(context, connection.handshakeRequest(), config, System.nanoTime());
        connection.userData().put(Inbox.KEY, inbox);
        inbox.enqueue(() -> open(connection, context, inbox));
    }

    private void open(WebSocketConnection connection, Context context, Inbox inbox) {
        UUID sessionId = uuid(connection.pathParam("sessionId"));
        SocketAuthenticator.HandshakeToken handshake = SocketAuthenticator.tokenOf(connection.handshakeRequest());
        if (handshake.refusal() != null) {
            refuse(connection, handshake.refusal());
            return;
        }
        Optional<SocketAuthenticator.VerifiedUser> user = authenticator.verify(handshake.token());
        if (user.isEmpty()) {
            refuse(connection, "a valid access token is required (?token=)");
            return;
        }
        if (authenticator.revoked(user.get())) {
            refuse(connection, "token revoked");
            return;
        }
        Optional<SessionRow> session = sessionId == null ? Optional.empty()
                : sessions.findOwned(user.get().userId(), sessionId);
        if (session.isEmpty()) {
            refuse(connection, "session not found");
            return;
        }
        Optional<ConnectionRegistry.Live> attached = connections.attach(connection, context, user.get().userId(),
                sessionId, token(user.get()));
        if (attached.isEmpty()) {
            refuse(connection, "too many connections");
            return;
        }
        if (inbox.closed()) {
            connections.detach(connection); // the client left while this ran: its @OnClose found nothing to detach
            return;
        }
        // a notice that arrived between the Redis check and the registration found nothing to close
        if (revocations.recentlyRevoked(attached.get())) {
            connections.detach(connection);
            refuse(connection, "token revoked");
            return;
        }
        if (session.get().active()) {
            archives.connectionOpened(sessionId);
        }
        events.sendTo(connection, new LiveEvents.Ready(sessionId, connection.id()));
    }

    /** On the event loop, as the frame arrives: the rate limit first, then the frame waits its turn. */
    @OnTextMessage
    @NonBlocking
    public void onMessage(WebSocketConnection connection, String text) {
        Inbox inbox = connection.userData().get(Inbox.KEY);
        if (inbox == null) {
            return;
        }
        switch (inbox.admit(System.nanoTime())) {
            case ACCEPTED -> inbox.enqueue(() -> handle(connection, text));
            case REFUSED -> events.sendTo(connection, new LiveEvents.Error(uuid(connection.pathParam("sessionId")),
                    null, "rate_limited", "Too many messages: at most " + config.framesPerSecond() + " per second",
                    1L));
            case CLOSE -> connection.close(new CloseReason(POLICY_VIOLATION, "too many messages")).subscribe().with(
                    ignored -> {
                    }, failure -> LOG.debugf("Closing a flooding socket failed: %s", failure.toString()));
        }
    }

    private void handle(WebSocketConnection connection, String text) {
        Optional<ConnectionRegistry.Live> found = connections.find(connection);
        if (found.isEmpty() || found.get().closing()) {
            return; // refused at open, or being closed
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
            asks.ask(live.userId(), live.accessToken(), live.sessionId(), content.strip(), new AskTimings());
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

    /**
     * A fresh token of the same user keeps the socket open past the current one's expiry. A token that does not
     * verify or names another user is refused with an error (the socket keeps its token); a revoked one closes the
     * socket (4401 "token revoked"): its user's tokens were revoked, so this socket's must be too.
     */
    private void renewToken(WebSocketConnection connection, ConnectionRegistry.Live live, String token) {
        Optional<SocketAuthenticator.VerifiedUser> user = authenticator.verify(token);
        if (user.isEmpty() || !user.get().userId().equals(live.userId())) {
            error(connection, live, "invalid_token", "The token does not verify or names another user", null);
            return;
        }
        if (authenticator.revoked(user.get())) {
            revocations.close(live, "token revoked");
            return;
        }
        live.renewToken(token(user.get()));
        if (revocations.recentlyRevoked(live)) {
            revocations.close(live, "token revoked");
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        Inbox inbox = connection.userData().get(Inbox.KEY);
        if (inbox != null) {
            inbox.markClosed();
        }
        connections.detach(connection).ifPresent(detached -> {
            if (detached.lastOfSession().orElse(false)) {
                archives.lastConnectionClosed(detached.connection().sessionId());
            }
        });
    }

    /**
     * A message over {@code quarkus.websockets-next.server.max-message-size} sent in several frames (one oversized
     * frame is closed by the WebSocket codec itself, with 1009): Vert.x drops it with this exception, and the socket
     * closes with 1009 too rather than the generic 1011.
     */
    @OnError
    public void onError(WebSocketConnection connection, IllegalStateException failure) {
        boolean tooBig = failure.getMessage() != null && failure.getMessage().contains("max message size");
        if (!tooBig) {
            LOG.warnf("WebSocket %s failed: %s", connection.id(), failure.toString());
        }
        connection.close(tooBig ? new CloseReason(MESSAGE_TOO_BIG, "message too big")
                : new CloseReason(INTERNAL_ERROR, "internal error")).subscribe().with(ignored -> {
                }, closing -> LOG.debugf("Closing socket %s failed: %s", connection.id(), closing.toString()));
    }

    private static ConnectionRegistry.Token token(SocketAuthenticator.VerifiedUser user) {
        return new ConnectionRegistry.Token(user.token(), user.jti(), user.issuedAt(), user.expiresAt());
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
