package dev.lectavera.study.live;

import dev.lectavera.contracts.revocation.RevocationNotice;
import dev.lectavera.kit.revocation.RevocationCheck;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Ends sockets whose token is no longer good, with close code {@value #TOKEN_INVALID} (like HTTP 401: get a fresh
 * token and reconnect):
 * <ul>
 *   <li>"token revoked": a notice on {@code lv:revocations} (auth-service publishes one per logout, password change
 *       or reset, account deletion; this instance receives it through the fan-out subscription, see
 *       {@link SessionSubscription}) voids it — see {@link ConnectionRegistry.Live#voidedBy};</li>
 *   <li>"token expired": every {@code websocket.expiry-check} (1 s) the sockets whose token expired without a
 *       renewal are closed. This needs no Redis, so it goes on when Redis is down (revocation is fail-open).</li>
 * </ul>
 * Notices missed while the subscription was down are caught up when it is back: every open socket's token is
 * checked again against the revocation mirror (libs/service-kit), which reloads the list from Redis whenever its own
 * subscription comes back.
 */
@ApplicationScoped
public class SocketRevocations {

    /** Application close code: the socket's token expired or was revoked. */
    public static final int TOKEN_INVALID = 4401;
    private static final Logger LOG = Logger.getLogger(SocketRevocations.class);
    /** How long a notice is remembered for connections authenticated just while it arrived. */
    private static final long RECENT_MILLIS = 10_000;

    private record Received(RevocationNotice notice, long at) {
    }

    private final ConnectionRegistry connections;
    private final RevocationCheck check;
    private final Deque<Received> recent = new ConcurrentLinkedDeque<>();

    SocketRevocations(ConnectionRegistry connections, RevocationCheck check) {
        this.connections = connections;
        this.check = check;
    }

    /** A message of {@code lv:revocations}; on the subscription's event loop, so nothing here blocks. */
    void onNotice(String payload) {
        RevocationNotice notice = RevocationNotice.fromJson(payload);
        if (notice == null) {
            LOG.debugf("Ignoring a message on the revocation channel that is not a notice");
            return;
        }
        long now = System.currentTimeMillis();
        recent.addLast(new Received(notice, now));
        while (!recent.isEmpty() && now - recent.peekFirst().at() > RECENT_MILLIS) {
            recent.pollFirst();
        }
        UUID userId = uuidOrNull(notice.userId());
        if (userId == null) {
            return;
        }
        for (ConnectionRegistry.Live live : connections.ofUser(userId)) {
            if (live.voidedBy(notice)) {
                close(live, "token revoked");
            }
        }
    }

    /**
     * Whether a notice that arrived in the last seconds voids this connection. Closes the gap between a token's
     * Redis check and the moment its connection (or renewal) is registered, when a notice could find nothing to
     * close: checked right after registering.
     */
    public boolean recentlyRevoked(ConnectionRegistry.Live live) {
        for (Received received : recent) {
            if (live.voidedBy(received.notice())) {
                return true;
            }
        }
        return false;
    }

    /** After the subscription was (re)made: notices published meanwhile were missed, so check each socket again. */
    void recheckAll() {
        for (ConnectionRegistry.Live live : connections.all()) {
            ConnectionRegistry.Token token = live.token();
            if (check.isRevoked(token.jti(), live.userId().toString(), token.issuedAt()) && live.token() == token) {
                close(live, "token revoked");
            }
        }
    }

    @Scheduled(every = "${lectavera.study.websocket.expiry-check:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeExpired() {
        long now = System.currentTimeMillis() / 1000;
        for (ConnectionRegistry.Live live : connections.all()) {
            if (live.tokenExpiresAt() <= now) {
                close(live, "token expired");
            }
        }
    }

    /** Closes a socket whose token is void (once; the rest happens in its @OnClose). Never blocks. */
    public void close(ConnectionRegistry.Live live, String reason) {
        if (!live.startClosing()) {
            return;
        }
        LOG.debugf("Closing socket %s of user %s: %s", live.connection().id(), live.userId(), reason);
        live.connection().close(new CloseReason(TOKEN_INVALID, reason)).subscribe().with(
                ignored -> {
                }, failure -> LOG.debugf("Closing socket %s failed: %s", live.connection().id(), failure.toString()));
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
