package dev.lectavera.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where each public path prefix is routed. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Routes by upstream name (auth, document, study, quiz, analytics). */
    Map<String, Route> routes();

    interface Route {
        /** Path prefixes served by this upstream, e.g. {@code /api/v1/documents}. */
        List<String> prefixes();

        /** Base URL of the upstream service. */
        URI upstream();

        /** Longest wait for the upstream's response headers. */
        @WithDefault("30s")
        Duration timeout();
    }
}
