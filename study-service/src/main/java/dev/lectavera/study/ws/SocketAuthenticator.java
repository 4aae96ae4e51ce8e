package dev.lectavera.study.ws;

import dev.lectavera.kit.revocation.RevocationCheck;
import io.quarkus.websockets.next.HandshakeRequest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Authenticates a socket from exactly one token. Browsers cannot set headers on a WebSocket upgrade, so the access
 * token comes as {@code ?token=}; the gateway may forward it as {@code Authorization: Bearer} instead. A handshake
 * that carries more than one (two {@code token} parameters by <em>decoded</em> name, or a query token that differs
 * from the bearer token) is refused: whichever the gateway verified, the service must not pick another.
 * <p>
 * The token is verified like a bearer token (smallrye-jwt: signature, issuer, audience, expiry), must carry the
 * {@code user} group and a {@code jti}, and must not be revoked (its {@code jti}, or issued before its user's mark).
 */
@ApplicationScoped
public class SocketAuthenticator {

    /** A verified token. {@code expiresAt} and {@code issuedAt} in epoch seconds. */
    public record VerifiedUser(UUID userId, String token, long expiresAt, String jti, long issuedAt) {
    }

    /** The one token of a handshake, or why there is none to trust ({@code refusal} set, token null). */
    public record HandshakeToken(String token, String refusal) {

        static HandshakeToken of(String token) {
            return new HandshakeToken(token, null);
        }

        static HandshakeToken refused(String why) {
            return new HandshakeToken(null, why);
        }
    }

    private static final String BEARER = "bearer ";

    private final JWTParser parser;
    private final RevocationCheck revocations;

    SocketAuthenticator(JWTParser parser, RevocationCheck revocations) {
        this.parser = parser;
        this.revocations = revocations;
    }

    public Optional<VerifiedUser> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            if (jwt.getGroups() == null || !jwt.getGroups().contains("user") || jwt.getSubject() == null
                    || jwt.getTokenID() == null) {
                return Optional.empty();
            }
            // no clock-skew allowance here: the socket lives exactly until exp (the expiry check closes it then)
            if (jwt.getExpirationTime() <= System.currentTimeMillis() / 1000) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedUser(UUID.fromString(jwt.getSubject()), token, jwt.getExpirationTime(),
                    jwt.getTokenID(), jwt.getIssuedAtTime()));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Logged out (its jti) or issued before its user's mark, as far as this instance's revocation mirror knows. */
    public boolean revoked(VerifiedUser user) {
        return revocations.isRevoked(user.jti(), user.userId().toString(), user.issuedAt());
    }

    /** The upgrade's one token: from {@code ?token=} or {@code Authorization: Bearer}, never a choice of several. */
    public static HandshakeToken tokenOf(HandshakeRequest request) {
        List<String> queryTokens;
        try {
            queryTokens = queryParameters(request.query(), "token");
        } catch (IllegalArgumentException malformed) {
            return HandshakeToken.refused("malformed query string");
        }
        if (queryTokens.size() > 1) {
            return HandshakeToken.refused("more than one access token");
        }
        List<String> authorization = request.headers("Authorization");
        String bearer = null;
        if (authorization != null && !authorization.isEmpty()) {
            if (authorization.size() > 1) {
                return HandshakeToken.refused("more than one access token");
            }
            String value = authorization.getFirst();
            if (value == null || !value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                return HandshakeToken.refused("only a bearer token is accepted");
            }
            bearer = value.substring(BEARER.length()).strip();
        }
        String query = queryTokens.isEmpty() ? null : queryTokens.getFirst();
        if (query != null && bearer != null && !query.equals(bearer)) {
            return HandshakeToken.refused("more than one access token");
        }
        String token = query != null ? query : bearer;
        return token == null || token.isBlank() ? HandshakeToken.refused("a valid access token is required (?token=)")
                : HandshakeToken.of(token);
    }

    /**
     * Every value of a query parameter, matched by decoded name. Both {@code &} and {@code ;} separate pairs: a
     * parser anywhere on the way that splits on {@code ;} must not find a token this one missed.
     *
     * @throws IllegalArgumentException for an undecodable name or value (refused rather than guessed)
     */
    static List<String> queryParameters(String query, String name) {
        List<String> values = new ArrayList<>(1);
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
