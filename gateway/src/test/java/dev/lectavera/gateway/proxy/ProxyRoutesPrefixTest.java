package dev.lectavera.gateway.proxy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProxyRoutesPrefixTest {

    @Test
    void prefixesAreComparedNormalised() {
        assertEquals("/api/v1/documents", ProxyRoutes.checkedPrefix("document", "/api/v1/documents/"));
        assertEquals("/api/v1/documents", ProxyRoutes.checkedPrefix("document", "/api//v1/./documents"));
    }

    @Test
    void noRouteMayServeTheOperatorEndpoints() {
        for (String prefix : new String[]{"/q", "/q/metrics", "/q/", "/api/../q/health", "//q"}) {
            assertThrows(IllegalArgumentException.class, () -> ProxyRoutes.checkedPrefix("x", prefix), prefix);
        }
        for (String prefix : new String[]{"/", "api/v1", "/api;x", "/api%2Fv1"}) {
            assertThrows(IllegalArgumentException.class, () -> ProxyRoutes.checkedPrefix("x", prefix), prefix);
        }
        assertEquals("/quiz", ProxyRoutes.checkedPrefix("x", "/quiz"));
    }
}
