package dev.lectavera.deploy;

import dev.lectavera.deploy.ManifestChecker.Doc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.lectavera.deploy.ManifestChecker.map;
import static dev.lectavera.deploy.ManifestChecker.maps;
import static dev.lectavera.deploy.ManifestChecker.str;
import static dev.lectavera.deploy.ManifestChecker.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/web: the base plus the web client's image behind one Ingress. The browser's one origin must send the API,
 * the sockets and the JWKS to the gateway and nothing else of it to the web pods; the web pods are locked down like
 * the services; and the web image sends the same Content-Security-Policy as the gateway does locally.
 */
class WebOverlayTest {

    static Path root;
    static Path overlay;
    static List<Doc> docs;

    @BeforeAll
    static void load() {
        root = Path.of("..").toAbsolutePath().normalize();
        overlay = root.resolve("deploy/web");
        docs = new ArrayList<>();
        for (Path file : ManifestChecker.yamlFiles(overlay)) {
            if (!file.getFileName().toString().startsWith("kustomization")) {
                docs.addAll(ManifestChecker.parse(root.relativize(file).toString(), read(file)));
            }
        }
    }

    @Test
    void theOverlayIsTheBasePlusEveryFileOfItsFolder() {
        Map<String, Object> kustomization = ManifestChecker.parse("kustomization.yaml", read(overlay.resolve("kustomization.yaml")))
                .getFirst().body();
        List<String> expected = new ArrayList<>(List.of("../k8s"));
        ManifestChecker.yamlFiles(overlay).stream().map(f -> f.getFileName().toString())
                .filter(name -> !name.startsWith("kustomization")).forEach(expected::add);
        assertEquals(expected, strings(kustomization.get("resources")));
        assertTrue(maps(kustomization.get("images")).stream().anyMatch(i -> str(i.get("name")).equals("lectavera/web")),
                "the web image's version is pinned here");
    }

    @Test
    void theIngressSendsTheApiSocketsAndJwksToTheGatewayAndTheRestToTheWebClient() {
        Doc ingress = only("Ingress");
        Map<String, String> backends = new LinkedHashMap<>();
        for (Map<String, Object> rule : maps(map(ingress.body().get("spec")).get("rules"))) {
            for (Map<String, Object> path : maps(map(rule.get("http")).get("paths"))) {
                Map<String, Object> service = map(map(path.get("backend")).get("service"));
                assertEquals("Prefix", str(path.get("pathType")), "prefix match for " + path);
                backends.put(str(path.get("path")), str(service.get("name")) + ":" + str(map(service.get("port")).get("number")));
            }
        }
        assertEquals(Map.of("/api", "gateway:8080", "/ws", "gateway:8080", "/.well-known", "gateway:8080", "/", "web:8080"), backends);
    }

    @Test
    void theWebPodsAreLockedDownProbedAndOnlyReachableOnTheirPort() {
        Doc deployment = only("Deployment");
        Map<String, Object> pod = map(map(map(deployment.body().get("spec")).get("template")).get("spec"));
        assertEquals("true", str(map(pod.get("securityContext")).get("runAsNonRoot")));
        Map<String, Object> container = maps(pod.get("containers")).getFirst();
        Map<String, Object> security = map(container.get("securityContext"));
        assertEquals("true", str(security.get("readOnlyRootFilesystem")));
        assertEquals("false", str(security.get("allowPrivilegeEscalation")));
        assertFalse(map(container.get("readinessProbe")).isEmpty(), "readiness probe");
        assertFalse(map(container.get("livenessProbe")).isEmpty(), "liveness probe");
        assertFalse(map(map(container.get("resources")).get("limits")).isEmpty(), "resource limits");
        assertTrue(Integer.parseInt(str(map(deployment.body().get("spec")).get("replicas"))) >= 2, "two replicas at least");

        Map<String, Object> policy = map(only("NetworkPolicy").body().get("spec"));
        assertEquals(Map.of("app.kubernetes.io/name", "web"), map(policy.get("podSelector")).get("matchLabels"));
        assertEquals(List.of("8080"), maps(policy.get("ingress")).stream()
                .flatMap(rule -> maps(rule.get("ports")).stream()).map(port -> str(port.get("port"))).toList());
        assertTrue(maps(policy.get("egress")).isEmpty(), "the web pods call nothing");
        assertEquals("web", str(map(map(only("Service").body().get("spec")).get("selector")).get("app.kubernetes.io/name")));
    }

    @Test
    void theWebImageSendsTheGatewaysContentSecurityPolicy() {
        Matcher nginx = Pattern.compile("Content-Security-Policy \"([^\"]+)\"").matcher(read(root.resolve("web/nginx-headers.conf")));
        assertTrue(nginx.find(), "web/nginx-headers.conf sets a CSP");
        String java = read(root.resolve("gateway/src/main/java/dev/lectavera/gateway/web/WebAppFiles.java"));
        Matcher constant = Pattern.compile("CONTENT_SECURITY_POLICY = ((?:\"[^\"]*\"\\s*\\+?\\s*)+);").matcher(java);
        assertTrue(constant.find(), "WebAppFiles.CONTENT_SECURITY_POLICY");
        String gateway = Pattern.compile("\"([^\"]*)\"").matcher(constant.group(1)).results()
                .map(m -> m.group(1)).collect(Collectors.joining());
        assertEquals(gateway, nginx.group(1));
        assertFalse(gateway.matches(".*script-src[^;]*unsafe-inline.*"), "no inline scripts");
    }

    private static Doc only(String kind) {
        List<Doc> found = docs.stream().filter(d -> d.kind().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind + " in deploy/web");
        return found.getFirst();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
