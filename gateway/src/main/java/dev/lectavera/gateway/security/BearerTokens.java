package dev.lectavera.gateway.security;

import io.vertx.core.http.HttpServerRequest;

/**
 * Where a request's access token is found.
 * <ul>
 *   <li>Every request: {@code Authorization: Bearer <token>}.</li>
 *   <li>WebSocket upgrades only (browsers cannot set headers on them), when there is no Authorization header:
 *   the subprotocol list {@code Sec-WebSocket-Protocol: bearer, <token>} (the literal entry {@code bearer}
 *   followed by the token as the next entry, e.g. {@code new WebSocket(url, ["bearer", token])}), else the query
 *   parameter {@code ?token=<token>}.</li>
 * </ul>
 */
public final class BearerTokens {

    public static final String BEARER_SUBPROTOCOL = "bearer";

    private BearerTokens() {
    }

    /** A token and where it came from. {@code otherSubprotocols}: the subprotocol header without the token, when it came from there. */
    public record Found(String token, Source source, String otherSubprotocols) {
    }

    public enum Source { AUTHORIZATION, SUBPROTOCOL, QUERY }

    public static Found find(HttpServerRequest request, boolean webSocketUpgrade) {
        String token = fromAuthorization(request.getHeader("Authorization"));
        if (token != null) {
            return new Found(token, Source.AUTHORIZATION, null);
        }
        if (!webSocketUpgrade) {
            return null;
        }
        Found fromProtocols = fromSubprotocols(request.getHeader("Sec-WebSocket-Protocol"));
        if (fromProtocols != null) {
            return fromProtocols;
        }
        String query = request.getParam("token");
        return query == null || query.isBlank() ? null : new Found(query.trim(), Source.QUERY, null);
    }

    static String fromAuthorization(String header) {
        if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** {@code bearer, <token>[, other...]} → the token, and the list without it (so the upstream never sees it there). */
    static Found fromSubprotocols(String header) {
        if (header == null) {
            return null;
        }
        String[] entries = header.split(",");
        for (int i = 0; i < entries.length - 1; i++) {
            if (entries[i].trim().equalsIgnoreCase(BEARER_SUBPROTOCOL)) {
                String token = entries[i + 1].trim();
                if (token.isEmpty()) {
                    return null;
                }
                StringBuilder others = new StringBuilder();
                for (int j = 0; j < entries.length; j++) {
                    if (j != i + 1) {
                        if (!others.isEmpty()) {
                            others.append(", ");
                        }
                        others.append(entries[j].trim());
                    }
                }
                return new Found(token, Source.SUBPROTOCOL, others.toString());
            }
        }
        return null;
    }
}
