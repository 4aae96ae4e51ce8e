package dev.lectavera.gateway.apidocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.edge.RouteRules;
import dev.lectavera.gateway.proxy.ProxyRoutes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The merged API description and where it comes from: each route's service document, fetched from the service's
 * management interface ({@code gateway.routes.<name>.openapi}), plus the gateway's own
 * ({@code META-INF/openapi.yaml}). Fetched at start-up, then again every {@code gateway.api-description.refresh};
 * a service that has never answered is asked every {@code gateway.api-description.retry} until it does. A failed
 * fetch keeps the last known document of that service, so a service that is down stays described. The merged
 * document is rebuilt only when a service's document changed, and served from memory.
 */
@ApplicationScoped
public class ApiDescriptions {

    private static final Logger LOG = Logger.getLogger(ApiDescriptions.class);
    private static final String NOT_DESCRIBED = "none";
    private static final String OWN_DESCRIPTION = "META-INF/openapi.yaml";

    /** One service's description: where to fetch it. */
    record Source(String route, URI url) {
    }

    private final Vertx vertx;
    private final GatewayConfig.ApiDescription settings;
    private final List<Source> sources;
    private final ApiDescriptionMerger merger;
    private final JsonObject own;
    private final ConcurrentMap<String, JsonObject> lastKnown = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> timers = new ConcurrentHashMap<>();
    /** Routes whose first fetch failed and that have been logged once as such. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private HttpClient client;
    private volatile Buffer merged;
    private volatile boolean stopped;

    ApiDescriptions(Vertx vertx, GatewayConfig config, RouteRules rules) {
        this.vertx = vertx;
        this.settings = config.apiDescription();
        this.sources = sourcesOf(config.routes());
        this.merger = new ApiDescriptionMerger(ProxyRoutes.routeOfPath(config.routes()),
                (method, path) -> rules.isPublic(HttpMethod.valueOf(method), path));
        this.own = readOwnDescription();
        rebuild();
    }

    void start(@Observes StartupEvent event) {
        // Not traced: the gateway's own background work, not part of any client's request.
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setTracingPolicy(TracingPolicy.IGNORE));
        sources.forEach(this::fetch);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        timers.values().forEach(vertx::cancelTimer);
    }

    /** The merged document (JSON), as last built. */
    public Buffer merged() {
        return merged;
    }

    /** The routes whose service has not been described yet. */
    List<String> undescribed() {
        return sources.stream().map(Source::route).filter(route -> !lastKnown.containsKey(route)).toList();
    }

    private void fetch(Source source) {
        if (stopped) {
            return;
        }
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(source.url().toString())
                .putHeader("Accept", "application/json")
                .setIdleTimeout(settings.timeout().toMillis());
        client.request(request)
                .compose(sent -> sent.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(JsonObject::new)
                .onComplete(fetched -> {
                    if (fetched.succeeded()) {
                        JsonObject previous = lastKnown.put(source.route(), fetched.result());
                        if (previous == null) {
                            LOG.infof("API description of %s read from %s", source.route(), source.url());
                        }
                        if (!fetched.result().equals(previous)) {
                            rebuild();
                        }
                    } else if (lastKnown.containsKey(source.route())) {
                        LOG.debugf("API description of %s not refreshed (%s): the last known one is served",
                                source.route(), fetched.cause().getMessage());
                    } else if (waiting.add(source.route())) {
                        LOG.infof("API description of %s not available yet from %s (%s): retrying every %s",
                                source.route(), source.url(), fetched.cause().getMessage(), settings.retry());
                    }
                    schedule(source);
                });
    }

    private void schedule(Source source) {
        if (stopped) {
            return;
        }
        long delay = (lastKnown.containsKey(source.route()) ? settings.refresh() : settings.retry()).toMillis();
        timers.put(source.route(), vertx.setTimer(Math.max(1, delay), id -> fetch(source)));
    }

    private synchronized void rebuild() {
        List<ApiDescriptionMerger.Source> documents = new ArrayList<>();
        documents.add(new ApiDescriptionMerger.Source("gateway", own, true));
        new TreeMap<>(lastKnown).forEach((route, document) -> documents.add(new ApiDescriptionMerger.Source(route, document, false)));
        merged = merger.merge(documents, undescribed()).toBuffer();
    }

    /** Every route that is described, with its URL: explicit, or derived from its first upstream (port + 1000). */
    static List<Source> sourcesOf(Map<String, GatewayConfig.Route> routes) {
        List<Source> sources = new ArrayList<>();
        new TreeMap<>(routes).forEach((name, route) -> {
            Optional<String> configured = route.openapi().map(String::trim);
            if (configured.isPresent() && configured.get().equalsIgnoreCase(NOT_DESCRIBED)) {
                return;
            }
            sources.add(new Source(name, configured.map(URI::create).orElseGet(() -> managementUrlOf(route.upstream().get(0)))));
        });
        return sources;
    }

    /** Quarkus' management interface of a service: its HTTP port + 1000 (8081 → 9081), OpenAPI as JSON. */
    static URI managementUrlOf(URI upstream) {
        int port = upstream.getPort() >= 0 ? upstream.getPort() : "https".equalsIgnoreCase(upstream.getScheme()) ? 443 : 80;
        return URI.create(upstream.getScheme() + "://" + upstream.getHost() + ":" + (port + 1000) + "/q/openapi?format=json");
    }

    private static JsonObject readOwnDescription() {
        try (InputStream in = ApiDescriptions.class.getClassLoader().getResourceAsStream(OWN_DESCRIPTION)) {
            if (in == null) {
                throw new IllegalStateException(OWN_DESCRIPTION + " is not on the class path");
            }
            return new JsonObject(new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(OWN_DESCRIPTION + " cannot be read", e);
        }
    }
}
