package dev.lectavera.gateway.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
    public static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    private BearerTokens() {
    }

    /** A token and where it came from. */
    public record Found(String token, Source source) {
    }

    public enum Source { AUTHORIZATION, SUBPROTOCOL, QUERY }

    public static Found find(HttpServerRequest request, boolean webSocketUpgrade) {
        String token = fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token != null) {
            return new Found(token, Source.AUTHORIZATION);
        }
        if (!webSocketUpgrade) {
            return null;
        }
        token = fromSubprotocols(subprotocols(request));
        if (token != null) {
            return new Found(token, Source.SUBPROTOCOL);
        }
        String query = request.getParam("token");
        return query == null || query.isBlank() ? null : new Found(query.trim(), Source.QUERY);
    }

    /** Every {@code Sec-WebSocket-Protocol} line of the request as one list (null when there is none). */
    public static String subprotocols(HttpServerRequest request) {
        List<String> lines = request.headers().getAll(SUBPROTOCOL_HEADER);
        return lines.isEmpty() ? null : String.join(",", lines);
    }

    static String fromAuthorization(String header) {
        if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** {@code bearer, <token>[, other...]} → the token. */
    static String fromSubprotocols(String header) {
        if (header == null) {
            return null;
        }
        String[] entries = header.split(",");
        for (int i = 0; i < entries.length - 1; i++) {
            if (entries[i].trim().equalsIgnoreCase(BEARER_SUBPROTOCOL)) {
                String token = entries[i + 1].trim();
                return token.isEmpty() ? null : token;
            }
        }
        return null;
    }

    /** Whether the client offered the {@code bearer} subprotocol (then it must be answered, see EdgeHandler). */
    public static boolean offersBearer(String header) {
        if (header == null) {
            return false;
        }
        for (String entry : header.split(",")) {
            if (entry.trim().equalsIgnoreCase(BEARER_SUBPROTOCOL)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The subprotocol list with no token left in it, for the upstream: the entry after each {@code bearer} and
     * every entry shaped like a JWT (three dot-separated base64url parts) are dropped, whether or not the gateway
     * verified them; null when nothing is left. The upstream gets the verified token as Authorization and ?token=.
     */
    public static String withoutTokens(String header) {
        if (header == null) {
            return null;
        }
        String[] entries = header.split(",");
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            boolean afterBearer = i > 0 && entries[i - 1].trim().equalsIgnoreCase(BEARER_SUBPROTOCOL);
            if (entry.isEmpty() || afterBearer || looksLikeJwt(entry)) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append(", ");
            }
            kept.append(entry);
        }
        return kept.isEmpty() ? null : kept.toString();
    }

    static boolean looksLikeJwt(String entry) {
        int parts = 1;
        int partLength = 0;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '.') {
                if (partLength == 0) {
                    return false;
                }
                parts++;
                partLength = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '=') {
                partLength++;
            } else {
                return false;
            }
        }
        return parts == 3 && partLength > 0;
    }

    /**
     * The URI for the upstream of a WebSocket upgrade (one token per connection): the normalised path, the client's query without any
     * parameter whose decoded name is {@code token} (so {@code %74oken} or {@code tok%65n} smuggle nothing; a name
     * that cannot be decoded is dropped too), and one {@code token}: the verified token. {@code &} and {@code ;}
     * both separate parameters, as for Vert.x.
     */
    public static String withToken(String path, String query, String token) {
        StringBuilder rebuilt = new StringBuilder(path.length() + token.length() + 8 + (query == null ? 0 : query.length()))
                .append(path).append('?');
        if (query != null) {
            int start = 0;
            while (start <= query.length()) {
                int end = nextSeparator(query, start);
                String parameter = query.substring(start, end);
                if (!parameter.isEmpty() && !namesToken(parameter)) {
                    rebuilt.append(parameter).append('&');
                }
                start = end + 1;
            }
        }
        return rebuilt.append("token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8)).toString();
    }

    private static int nextSeparator(String query, int from) {
        for (int i = from; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '&' || c == ';') {
                return i;
            }
        }
        return query.length();
    }

    private static boolean namesToken(String parameter) {
        int equals = parameter.indexOf('=');
        String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
        try {
            return URLDecoder.decode(rawName, StandardCharsets.UTF_8).trim().equalsIgnoreCase("token");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
