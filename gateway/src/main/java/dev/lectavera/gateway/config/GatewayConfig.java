package dev.lectavera.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway itself decides: routes, who may pass without a token, limits, Redis use. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Routes by upstream name (auth, document, study, quiz, analytics). */
    Map<String, Route> routes();

    /**
     * Requests answered without a token, as {@code METHOD /exact/path} (e.g. {@code POST /api/v1/auth/login}).
     * Everything else that is proxied needs a valid, unrevoked access token.
     */
    List<String> publicRoutes();

    Jwt jwt();

    RateLimit rateLimit();

    RedisUse redis();

    ClientAddressUse clientAddress();

    ApiDescription apiDescription();

    Traces traces();

    WebApp web();

    AccessLog accessLog();

    /** Where the access log's lines go (README: Access log); the line itself is {@code quarkus.http.access-log.*}. */
    interface AccessLog {
        /**
         * How long the console writer lets access-log lines gather before it writes them, together; {@code 0}: each
         * line on its own, through Quarkus' console handler (a thread hand-over and a write per request).
         */
        @WithDefault("20ms")
        Duration linger();
    }

    /** The student's web client served at {@code /} (README: Web client). */
    interface WebApp {
        /**
         * The built single-page app ({@code web/dist}), env {@code GATEWAY_WEB_DIRECTORY}. Absent (the default, and in
         * Kubernetes, where the ingress sends {@code /} to the web image): the gateway serves no files, and every
         * path no route serves stays a 404 problem+json.
         */
        Optional<java.nio.file.Path> directory();
    }

    /** Traces (README: Traces); the switch itself is trace/TraceExport. */
    interface Traces {
        /**
         * Where spans are exported over OTLP; {@code none}: nowhere (spans, ids and propagation still work). Set from
         * {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} in application.properties.
         */
        @WithDefault("none")
        String otlpEndpoint();
    }

    /**
     * The one description of the public API ({@code GET /api/v1/openapi.json}), merged from each route's service
     * description ({@link Route#openapi()}).
     */
    interface ApiDescription {
        /** How often a service's description is fetched again once the gateway has one. */
        @WithDefault("60s")
        Duration refresh();

        /** How soon a service that has never answered (e.g. down at start-up) is asked again. */
        @WithDefault("5s")
        Duration retry();

        /** Longest wait for one description. */
        @WithDefault("5s")
        Duration timeout();
    }

    /** Who the client is for the per-address limits (README: Client address). */
    interface ClientAddressUse {
        /**
         * CIDRs of the proxies in front of the gateway (e.g. the ingress controller's pod range), env
         * {@code GATEWAY_CLIENT_ADDRESS_TRUSTED_PROXIES}. {@code X-Forwarded-For} is believed only from them, and
         * the client is its right-most entry that is not one of them. Empty (the default): the TCP peer is the
         * client and {@code X-Forwarded-For} is ignored.
         */
        Optional<List<String>> trustedProxies();
    }

    interface Route {
        /** Path prefixes served by this upstream, e.g. {@code /api/v1/documents}. */
        List<String> prefixes();

        /**
         * Base URL of the upstream service; several (comma-separated) are balanced round-robin, and one that
         * refuses connections is skipped for a few seconds. In Kubernetes it is one Service URL.
         */
        List<URI> upstream();

        /** How long an instance that refused a connection is left out of the rotation. */
        @WithDefault("5s")
        Duration ejectionTime();

        /** Longest silence from the upstream (waiting for its headers, or between body chunks) before 503. */
        @WithDefault("30s")
        Duration timeout();

        /** Longest wait for a TCP connection to the upstream. */
        @WithDefault("2s")
        Duration connectTimeout();

        /**
         * Largest request body this route accepts: by its Content-Length, larger → 413 problem+json before any
         * byte is sent on; a body without a length is counted as it streams and cut off with the same 413
         * (proxy/CappedBody).
         */
        @WithDefault("10M")
        MemorySize maxBodySize();

        /** Pooled HTTP/1.1 connections to this upstream per event loop of a gateway instance. */
        @WithDefault("100")
        int maxConnections();

        Breaker breaker();

        /**
         * Where the service serves its OpenAPI document (JSON), normally its management interface. Absent: the first
         * upstream URL with port + 1000 and {@code /q/openapi?format=json} (e.g. {@code http://auth-service:9081/...});
         * {@code none}: the route is left out of the gateway's API description.
         */
        Optional<String> openapi();
    }

    /** Per-upstream circuit breaker: counts transport failures (refused, reset, timed out), not HTTP statuses. */
    interface Breaker {
        /** Consecutive failures that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before letting one trial request through. */
        @WithDefault("10s")
        Duration openDuration();
    }

    interface Jwt {
        /** How long a verified token is remembered (never past its own expiry); revocation is still checked each time. */
        @WithDefault("60s")
        Duration cacheTtl();

        /** Upper bound of remembered tokens; beyond it tokens are simply verified every time. */
        @WithDefault("50000")
        int cacheMaxEntries();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /**
         * WebSocket upgrades on /ws/study/**, per user: how often one user opens sockets. Questions are not metered
         * here (those asked inside an open socket never pass the gateway): study-service holds the one chat limit.
         */
        Limit socket();

        /**
         * login, register, forgot-password (per IP + email), reset-password (per IP), and the password-confirming
         * POST /api/v1/users/me/password and DELETE /api/v1/users/me (per IP + the token's account).
         */
        Limit auth();

        /** Every request of the auth class, per IP over all emails (a campus NAT is one IP: keep it generous). */
        Limit authIp();

        /** POST /api/v1/auth/register, per IP (on top of the two auth buckets). */
        Limit register();

        /** POST /api/v1/quiz/generate, per user (the most expensive call: it asks the model). */
        Limit quiz();

        /** POST /api/v1/documents, per user. */
        Limit upload();

        /** POST /api/v1/documents/search, per user. */
        Limit search();

        /** Everything else: per user, or per IP on anonymous routes. */
        @WithName("default")
        Limit other();

        /** Largest login/register/forgot-password body the gateway reads to find the email (bytes); larger → 413. */
        @WithDefault("16384")
        int authBodyLimit();

        /** Upper bound of keys in the in-memory fallback limiter (Redis down); beyond it new keys share one bucket. */
        @WithDefault("200000")
        int localMaxKeys();

        /** Leases on the shared buckets of the classes with a limit of 40 or more (README, Rate limits). */
        Leasing lease();
    }

    interface Leasing {
        /** Off: every limited request makes its own Redis call (the per-request script). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long leased cells may be spent by this instance (unspent ones then go back to the bucket), and how long an
         * unused lease is kept. Long enough for a caller at one request a second to spend a whole lease.
         */
        @WithDefault("10s")
        Duration ttl();
    }

    interface Limit {
        /** Requests allowed per period (also the largest burst). */
        int limit();

        Duration period();
    }

    interface RedisUse {
        /** Longest wait for Redis on the request path before falling back to memory. */
        @WithDefault("250ms")
        Duration commandTimeout();

        /** The same, for the call that first opens an event loop's Redis connection (TCP connect + command). */
        @WithDefault("1s")
        Duration connectTimeout();

        /** After a Redis failure, how long the gateway stays on the in-memory fallback before trying Redis again. */
        @WithDefault("5s")
        Duration retryAfter();

        /** At most one "Redis unavailable" warning per this interval. */
        @WithDefault("30s")
        Duration warningInterval();
    }
}
