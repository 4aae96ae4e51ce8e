package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.ratelimit.RateClass;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which requests need no token and which rate-limit class a request falls in, decided on the path
 * {@link EdgePath} normalised (the very path the upstream is then asked for), so
 * {@code /api/v1/documents/}, {@code /api/v1/auth/x/../login}, {@code /api/v1/auth//login} or
 * {@code /api/v1/auth/%6cogin} cannot slip into another class.
 */
@ApplicationScoped
public class RouteRules {

    static final String REGISTER_PATH = "/api/v1/auth/register";
    static final String PASSWORD_PATH = "/api/v1/users/me/password";
    static final String ACCOUNT_PATH = "/api/v1/users/me";

    /** path → methods answered without a token. */
    private final Map<String, Set<String>> publicRoutes = new HashMap<>();

    RouteRules(GatewayConfig config) {
        for (String entry : config.publicRoutes()) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("gateway.public-routes entries look like 'POST /api/v1/auth/login', not '" + entry + "'");
            }
            publicRoutes.computeIfAbsent(EdgePath.normalise(parts[1]), path -> new HashSet<>()).add(parts[0].toUpperCase(Locale.ROOT));
        }
    }

    public boolean isPublic(HttpMethod method, String path) {
        Set<String> methods = publicRoutes.get(path);
        return methods != null && methods.contains(method.name());
    }

    /**
     * socket: every WebSocket upgrade (how often a user opens sockets; the questions are study-service's chat
     * limit, since frames inside an open socket are invisible here); upload: POST /api/v1/documents;
     * search: POST /api/v1/documents/search; quiz: POST /api/v1/quiz/generate and /api/v1/quiz/review/flashcards;
     * auth: POST login, register, forgot-password, reset-password, and the password-confirming
     * POST /api/v1/users/me/password and DELETE /api/v1/users/me; everything else: default.
     */
    public RateClass classify(HttpMethod method, String path, boolean webSocketUpgrade) {
        if (webSocketUpgrade) {
            return RateClass.SOCKET;
        }
        if (method == HttpMethod.DELETE) {
            return path.equals(ACCOUNT_PATH) ? RateClass.AUTH : RateClass.DEFAULT;
        }
        if (method != HttpMethod.POST) {
            return RateClass.DEFAULT;
        }
        switch (path) {
            case "/api/v1/documents":
                return RateClass.UPLOAD;
            case "/api/v1/documents/search":
                return RateClass.SEARCH;
            case "/api/v1/quiz/generate", "/api/v1/quiz/review/flashcards":
                return RateClass.QUIZ;
            case "/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/forgot-password", "/api/v1/auth/reset-password",
                 PASSWORD_PATH:
                return RateClass.AUTH;
            default:
                return RateClass.DEFAULT;
        }
    }

    /** POST /api/v1/auth/register: also charged to the address's registration bucket. */
    public boolean isRegistration(HttpMethod method, String path) {
        return method == HttpMethod.POST && path.equals(REGISTER_PATH);
    }

    /** The auth routes whose JSON body names the account ({@code email}): limited per IP + email. */
    public boolean bodyNamesAccount(String path) {
        return path.equals("/api/v1/auth/login") || path.equals("/api/v1/auth/register")
                || path.equals("/api/v1/auth/forgot-password");
    }
}
