package dev.lectavera.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Structural checks of the deployment files, so they stay correct without Docker or a cluster.
 * Every check returns its violations as readable lines; an empty list means the files pass.
 */
final class ManifestChecker {

    /** A parsed YAML document and the file it came from. */
    record Doc(String source, Map<String, Object> body) {
        String kind() {
            return str(body.get("kind"));
        }

        String name() {
            return str(map(body.get("metadata")).get("name"));
        }

        String id() {
            return source + " " + kind() + "/" + name();
        }
    }

    /**
     * A Deployment as the other checks see it: its pod labels, containers, and the settings of the
     * ConfigMaps its containers read through envFrom (merged).
     */
    record Workload(Doc doc, String name, Map<String, Object> labels, List<Map<String, Object>> containers,
                    Map<String, Object> settings) {
        String id() {
            return doc.id();
        }

        /** Every container port, by name and number ({@link #portKey} keys). */
        Set<Object> ports() {
            Set<Object> ports = new HashSet<>();
            containers.forEach(container -> ports.addAll(containerPorts(container)));
            return ports;
        }

        /** The number of a named container port, or the number itself; null when the pod has no such port. */
        Integer resolvePort(Object port) {
            Object key = portKey(port);
            if (key instanceof Integer number) {
                return number;
            }
            for (Map<String, Object> container : containers) {
                for (Map<String, Object> declared : maps(container.get("ports"))) {
                    if (key.equals(str(declared.get("name")))) {
                        return (Integer) portKey(declared.get("containerPort"));
                    }
                }
            }
            return null;
        }

        /** The containers' env entries, by variable name. */
        Map<String, Map<String, Object>> env() {
            Map<String, Map<String, Object>> env = new LinkedHashMap<>();
            containers.forEach(container -> maps(container.get("env")).forEach(entry -> env.put(str(entry.get("name")), entry)));
            return env;
        }
    }

    static List<Workload> workloads(List<Doc> docs) {
        Map<String, Map<String, Object>> configMaps = new HashMap<>();
        docs.stream().filter(d -> d.kind().equals("ConfigMap")).forEach(d -> configMaps.put(d.name(), map(d.body().get("data"))));
        List<Workload> workloads = new ArrayList<>();
        for (Doc doc : docs) {
            if (!doc.kind().equals("Deployment")) {
                continue;
            }
            Map<String, Object> template = map(map(doc.body().get("spec")).get("template"));
            List<Map<String, Object>> containers = maps(map(template.get("spec")).get("containers"));
            Map<String, Object> settings = new LinkedHashMap<>();
            containers.forEach(container -> maps(container.get("envFrom")).forEach(source -> {
                Map<String, Object> ref = map(source.get("configMapRef"));
                settings.putAll(configMaps.getOrDefault(str(ref.get("name")), Map.of()));
            }));
            workloads.add(new Workload(doc, doc.name(), map(map(template.get("metadata")).get("labels")), containers, settings));
        }
        return workloads;
    }

    /** The one health endpoint each probe must call (SmallRye Health). */
    static final Map<String, String> PROBE_PATHS = orderedMap(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    private static final Set<String> KUSTOMIZATION_NAMES =
            Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private ManifestChecker() {
    }

    // ------------------------------------------------------------------ parsing

    /** Every document of a YAML stream; empty documents (a trailing ---) are skipped. */
    static List<Doc> parse(String source, String yamlText) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Doc> docs = new ArrayList<>();
        try {
            for (Object document : yaml.loadAll(yamlText)) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException(source + ": a document is not a mapping but " + document);
                }
                docs.add(new Doc(source, map(document)));
            }
        } catch (YAMLException e) {
            // loadAll parses lazily; name the file, snakeyaml only knows the line.
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    static List<Doc> parse(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All *.yaml and *.yml files under a folder, sorted. */
    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(ManifestChecker::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    // ------------------------------------------------------------------ Kubernetes objects

    /**
     * Deployments (probes, resources, non-root, ConfigMaps and claims they use, a Service that
     * selects them) and Secrets (none may carry values).
     */
    static List<String> checkKubernetes(List<Doc> docs) {
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, Object>> configMaps = new HashMap<>();
        docs.stream().filter(d -> d.kind().equals("ConfigMap"))
                .forEach(d -> configMaps.put(str(map(d.body().get("metadata")).get("name")), map(d.body().get("data"))));
        Set<String> claims = namesOfKind(docs, "PersistentVolumeClaim");
        List<Doc> services = docs.stream().filter(d -> d.kind().equals("Service")).toList();
        for (Doc doc : docs) {
            switch (doc.kind()) {
                case "Secret" -> {
                    if (doc.body().containsKey("data") || doc.body().containsKey("stringData")) {
                        violations.add(doc.id() + ": a Secret with values is committed; create it with kubectl instead (deploy/README.md)");
                    }
                }
                case "Deployment" -> checkDeployment(doc, services, configMaps, claims, violations);
                default -> {
                }
            }
        }
        return violations;
    }

    private static void checkDeployment(Doc doc, List<Doc> services, Map<String, Map<String, Object>> configMaps,
                                        Set<String> claims, List<String> violations) {
        Map<String, Object> spec = map(doc.body().get("spec"));
        Map<String, Object> template = map(spec.get("template"));
        Map<String, Object> podLabels = map(map(template.get("metadata")).get("labels"));
        Map<String, Object> matchLabels = map(map(spec.get("selector")).get("matchLabels"));
        if (matchLabels.isEmpty() || !containsAll(podLabels, matchLabels)) {
            violations.add(doc.id() + ": selector.matchLabels is empty or does not match the pod template labels");
        }
        if (str(podLabels.get("app.kubernetes.io/name")).isEmpty()
                || !"lectavera".equals(podLabels.get("app.kubernetes.io/part-of"))) {
            violations.add(doc.id() + ": pod labels need app.kubernetes.io/name and app.kubernetes.io/part-of: lectavera");
        }

        Map<String, Object> podSpec = map(template.get("spec"));
        boolean podNonRoot = Boolean.TRUE.equals(map(podSpec.get("securityContext")).get("runAsNonRoot"));
        List<Map<String, Object>> containers = maps(podSpec.get("containers"));
        if (containers.isEmpty()) {
            violations.add(doc.id() + ": no containers");
        }
        Set<Object> allPorts = new HashSet<>();
        for (Map<String, Object> container : containers) {
            String where = doc.id() + " container " + str(container.get("name"));
            Set<Object> ports = containerPorts(container);
            allPorts.addAll(ports);

            PROBE_PATHS.forEach((probe, expectedPath) -> {
                Map<String, Object> probeSpec = map(container.get(probe));
                Map<String, Object> httpGet = map(probeSpec.get("httpGet"));
                if (probeSpec.isEmpty()) {
                    violations.add(where + ": lacks " + probe);
                } else if (httpGet.isEmpty()) {
                    violations.add(where + ": " + probe + " is not an httpGet probe on " + expectedPath);
                } else {
                    String path = str(httpGet.get("path"));
                    if (!path.equals(expectedPath)) {
                        violations.add(where + ": " + probe + " path '" + path + "' is not " + expectedPath);
                    }
                    if (!ports.contains(portKey(httpGet.get("port")))) {
                        violations.add(where + ": " + probe + " port '" + httpGet.get("port") + "' is not a container port");
                    }
                }
            });

            Map<String, Object> resources = map(container.get("resources"));
            for (String section : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (str(map(resources.get(section)).get(resource)).isEmpty()) {
                        violations.add(where + ": lacks resources." + section + "." + resource);
                    }
                }
            }

            Object containerNonRoot = map(container.get("securityContext")).get("runAsNonRoot");
            if (!(Boolean.TRUE.equals(containerNonRoot) || (podNonRoot && containerNonRoot == null))) {
                violations.add(where + ": does not run with runAsNonRoot: true");
            }

            List<String> configMapRefs = maps(container.get("envFrom")).stream()
                    .map(source -> map(source.get("configMapRef")))
                    .filter(ref -> !ref.isEmpty())
                    .map(ref -> str(ref.get("name")))
                    .toList();
            if (configMapRefs.isEmpty()) {
                violations.add(where + ": takes no configuration through envFrom.configMapRef");
            }
            Map<String, Object> settings = new HashMap<>();
            for (String name : configMapRefs) {
                if (!configMaps.containsKey(name)) {
                    violations.add(where + ": envFrom ConfigMap '" + name + "' is not defined in the manifests");
                } else {
                    settings.putAll(configMaps.get(name));
                }
            }
            checkGracefulShutdown(where, settings, podSpec.get("terminationGracePeriodSeconds"), violations);
        }

        for (Map<String, Object> volume : maps(podSpec.get("volumes"))) {
            Map<String, Object> claim = map(volume.get("persistentVolumeClaim"));
            if (!claim.isEmpty() && !claims.contains(str(claim.get("claimName")))) {
                violations.add(doc.id() + ": volume '" + str(volume.get("name")) + "' uses PersistentVolumeClaim '"
                        + str(claim.get("claimName")) + "' which is not defined in the manifests");
            }
        }

        boolean served = services.stream().anyMatch(service -> selects(service, podLabels, allPorts));
        if (!served) {
            violations.add(doc.id() + ": no Service selects its pods on a container port");
        }
    }

    private static final Pattern SECONDS = Pattern.compile("(\\d+)s");
    /** Kubernetes' default when a pod spec does not say. */
    static final int DEFAULT_GRACE_SECONDS = 30;
    /** For the JVM to exit after the last request, before Kubernetes would kill it. */
    static final int EXIT_MARGIN_SECONDS = 5;

    /**
     * Rolling updates lose no request: after SIGTERM the service keeps serving with readiness DOWN for
     * QUARKUS_SHUTDOWN_DELAY (while the Service stops routing to it), then lets in-flight requests finish within
     * QUARKUS_SHUTDOWN_TIMEOUT; Kubernetes must not SIGKILL it before both have passed.
     */
    private static void checkGracefulShutdown(String where, Map<String, Object> settings, Object graceSeconds,
                                              List<String> violations) {
        int total = 0;
        for (String key : List.of("QUARKUS_SHUTDOWN_DELAY", "QUARKUS_SHUTDOWN_TIMEOUT")) {
            String value = str(settings.get(key));
            Matcher seconds = SECONDS.matcher(value);
            if (value.isEmpty()) {
                violations.add(where + ": its ConfigMap does not set " + key + " (graceful shutdown, deploy/README.md)");
            } else if (!seconds.matches()) {
                violations.add(where + ": " + key + " '" + value + "' is not whole seconds like 5s");
            } else {
                total += Integer.parseInt(seconds.group(1));
            }
        }
        int grace = graceSeconds instanceof Number number ? number.intValue() : DEFAULT_GRACE_SECONDS;
        if (grace < total + EXIT_MARGIN_SECONDS) {
            violations.add(where + ": terminationGracePeriodSeconds " + grace + " is shorter than the shutdown delay"
                    + " and timeout (" + total + " s) plus " + EXIT_MARGIN_SECONDS + " s to exit");
        }
    }

    /** The Service's selector picks these pod labels and one of its ports targets a container port. */
    static boolean selects(Doc service, Map<String, Object> podLabels, Set<Object> containerPorts) {
        Map<String, Object> spec = map(service.body().get("spec"));
        Map<String, Object> selector = map(spec.get("selector"));
        if (selector.isEmpty() || !containsAll(podLabels, selector)) {
            return false;
        }
        return maps(spec.get("ports")).stream().anyMatch(port -> {
            Object target = port.containsKey("targetPort") ? port.get("targetPort") : port.get("port");
            return containerPorts.contains(portKey(target));
        });
    }

    /** A container's ports, by number and by name, as {@link #portKey} keys. */
    static Set<Object> containerPorts(Map<String, Object> container) {
        Set<Object> ports = new HashSet<>();
        for (Map<String, Object> port : maps(container.get("ports"))) {
            ports.add(portKey(port.get("containerPort")));
            if (port.get("name") != null) {
                ports.add(portKey(port.get("name")));
            }
        }
        return ports;
    }

    /** 8080 and "8080" are the same port; any other string is a port name. */
    static Object portKey(Object port) {
        String text = str(port);
        return text.matches("\\d+") ? (Object) Integer.valueOf(text) : text;
    }

    // ------------------------------------------------------------------ secrets

    /** Names of the Secrets the manifests use (env, envFrom, volumes). */
    static Set<String> referencedSecrets(List<Doc> docs) {
        Set<String> names = new TreeSet<>();
        for (Doc doc : docs) {
            if (!doc.kind().equals("Deployment")) {
                continue;
            }
            Map<String, Object> podSpec = map(map(map(doc.body().get("spec")).get("template")).get("spec"));
            List<Map<String, Object>> containers = new ArrayList<>(maps(podSpec.get("containers")));
            containers.addAll(maps(podSpec.get("initContainers")));
            for (Map<String, Object> container : containers) {
                for (Map<String, Object> env : maps(container.get("env"))) {
                    Map<String, Object> ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
                    if (!ref.isEmpty()) {
                        names.add(str(ref.get("name")));
                    }
                }
                for (Map<String, Object> source : maps(container.get("envFrom"))) {
                    Map<String, Object> ref = map(source.get("secretRef"));
                    if (!ref.isEmpty()) {
                        names.add(str(ref.get("name")));
                    }
                }
            }
            for (Map<String, Object> volume : maps(podSpec.get("volumes"))) {
                Map<String, Object> secret = map(volume.get("secret"));
                if (!secret.isEmpty()) {
                    names.add(str(secret.get("secretName")));
                }
            }
        }
        return names;
    }

    /** Every referenced Secret has a {@code kubectl ... create secret <type> <name>} line in the guide. */
    static List<String> checkSecretsDocumented(Set<String> secretNames, String guide) {
        List<String> violations = new ArrayList<>();
        for (String name : secretNames) {
            Pattern command = Pattern.compile("kubectl[^\\n]*\\bcreate secret [a-z-]+\\s+" + Pattern.quote(name) + "(\\s|$)",
                    Pattern.MULTILINE);
            if (!command.matcher(guide).find()) {
                violations.add("Secret '" + name + "' is used but deploy/README.md shows no 'kubectl create secret ... " + name + "'");
            }
        }
        return violations;
    }

    // ------------------------------------------------------------------ kustomize

    /**
     * The kustomization in {@code dir} lists exactly the YAML files and folders next to it (a
     * listed folder is checked the same way), and nothing that does not exist.
     */
    static List<String> checkKustomization(Path dir) {
        List<String> violations = new ArrayList<>();
        Path file = KUSTOMIZATION_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
        if (file == null) {
            violations.add(dir + ": no kustomization.yaml");
            return violations;
        }
        List<Doc> docs = parse(file);
        Map<String, Object> kustomization = docs.isEmpty() ? Map.of() : docs.getFirst().body();

        List<String> entries = new ArrayList<>(strings(kustomization.get("resources")));
        // Files used as patches or components are accounted for too, so they are not "unlisted".
        entries.addAll(strings(kustomization.get("components")));
        entries.addAll(strings(kustomization.get("patchesStrategicMerge")));
        maps(kustomization.get("patches")).forEach(patch -> {
            if (patch.get("path") != null) {
                entries.add(str(patch.get("path")));
            }
        });

        Set<Path> listed = new HashSet<>();
        for (String entry : entries) {
            if (entry.contains("://") || entry.startsWith("github.com/")) {
                continue; // remote base: nothing on disk to compare
            }
            Path target = dir.resolve(entry).normalize();
            if (!listed.add(target)) {
                violations.add(file + ": lists '" + entry + "' twice");
            }
            if (!Files.exists(target)) {
                violations.add(file + ": lists '" + entry + "' which does not exist");
            } else if (Files.isDirectory(target)) {
                violations.addAll(checkKustomization(target));
            }
        }

        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                boolean unlistedFile = Files.isRegularFile(child) && isYaml(child)
                        && !KUSTOMIZATION_NAMES.contains(child.getFileName().toString());
                boolean unlistedFolder = Files.isDirectory(child) && !yamlFiles(child).isEmpty();
                if ((unlistedFile || unlistedFolder) && !listed.contains(child.normalize())
                        && listed.stream().noneMatch(path -> path.startsWith(child.normalize()))) {
                    violations.add(file + ": does not list '" + child.getFileName() + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    // ------------------------------------------------------------------ docker compose

    /**
     * Each app service exists with a healthcheck and a build whose Dockerfile exists (paths from
     * {@code root}, where the compose file lives); depends_on names real services and waits for
     * health only on services that have a healthcheck; only {@code published} services map ports.
     */
    static List<String> checkCompose(Map<String, Object> compose, Path root, Collection<String> apps,
                                     Set<String> published) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> services = map(compose.get("services"));
        for (String app : apps) {
            Map<String, Object> service = map(services.get(app));
            if (service.isEmpty()) {
                violations.add("compose: no service '" + app + "'");
                continue;
            }
            if (!hasHealthcheck(service)) {
                violations.add("compose service '" + app + "': no healthcheck");
            }
            Object build = service.get("build");
            if (build == null) {
                violations.add("compose service '" + app + "': no build");
            } else {
                Map<String, Object> buildSpec = build instanceof String shortForm ? Map.of("context", shortForm) : map(build);
                String context = buildSpec.get("context") == null ? "." : str(buildSpec.get("context"));
                String dockerfile = buildSpec.get("dockerfile") == null ? "Dockerfile" : str(buildSpec.get("dockerfile"));
                Path path = root.resolve(context).resolve(dockerfile).normalize();
                if (!Files.isRegularFile(path)) {
                    violations.add("compose service '" + app + "': build Dockerfile " + path + " does not exist");
                }
            }
        }
        services.forEach((name, value) -> {
            Map<String, Object> service = map(value);
            dependencies(service.get("depends_on")).forEach((target, condition) -> {
                if (!services.containsKey(target)) {
                    violations.add("compose service '" + name + "': depends on unknown service '" + target + "'");
                } else if (condition.equals("service_healthy") && !hasHealthcheck(map(services.get(target)))) {
                    violations.add("compose service '" + name + "': waits for '" + target + "' to be healthy, but it has no healthcheck");
                }
            });
            if (!published.contains(name) && service.get("ports") != null) {
                violations.add("compose service '" + name + "': publishes ports; only " + published + " should");
            }
        });
        return violations;
    }

    private static boolean hasHealthcheck(Map<String, Object> service) {
        Map<String, Object> healthcheck = map(service.get("healthcheck"));
        Object test = healthcheck.get("test");
        boolean emptyTest = test == null || str(test).isBlank() || (test instanceof List<?> list
                && (list.isEmpty() || "NONE".equals(list.getFirst())));
        return !emptyTest && !Boolean.TRUE.equals(healthcheck.get("disable"));
    }

    /** depends_on in list form (condition service_started) or map form. */
    private static Map<String, String> dependencies(Object dependsOn) {
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> list) {
            list.forEach(name -> result.put(str(name), "service_started"));
        } else {
            map(dependsOn).forEach((name, spec) -> {
                Object condition = map(spec).get("condition");
                result.put(name, condition == null ? "service_started" : str(condition));
            });
        }
        return result;
    }

    // ------------------------------------------------------------------ wiring between services

    /**
     * Each app has a Deployment with that name and container port and a Service with that name
     * and port: the in-cluster URLs (http://auth-service:8081, ...) depend on it.
     */
    static List<String> checkAppPorts(List<Doc> docs, Map<String, Integer> appPorts) {
        List<String> violations = new ArrayList<>();
        appPorts.forEach((app, port) -> {
            Doc deployment = find(docs, "Deployment", app);
            Doc service = find(docs, "Service", app);
            if (deployment == null) {
                violations.add("no Deployment '" + app + "'");
            } else {
                Map<String, Object> podSpec = map(map(map(deployment.body().get("spec")).get("template")).get("spec"));
                boolean listens = maps(podSpec.get("containers")).stream()
                        .anyMatch(container -> containerPorts(container).contains(port));
                if (!listens) {
                    violations.add(deployment.id() + ": no container port " + port);
                }
            }
            if (service == null) {
                violations.add("no Service '" + app + "'");
            } else {
                boolean exposes = maps(map(service.body().get("spec")).get("ports")).stream()
                        .anyMatch(p -> Objects.equals(portKey(p.get("port")), port));
                if (!exposes) {
                    violations.add(service.id() + ": does not expose port " + port);
                }
            }
        });
        return violations;
    }

    private static final Pattern APP_URL =
            Pattern.compile("(?<base>(?:https?|jdbc:[a-z]+)://(?<host>[a-z0-9-]+):(?<port>\\d+))(?<path>[/?][^\\s,]*)?");

    /** Every URL to one of the apps (gateway upstreams, JWKS) uses that app's port: {@link #checkAppUrls(String, Object, Map, boolean)}. */
    static List<String> checkAppUrls(String where, Object tree, Map<String, Integer> appPorts) {
        return checkAppUrls(where, tree, appPorts, false);
    }

    /**
     * Every URL to one of the apps (gateway upstreams, JWKS) uses that app's HTTP port, and one to its
     * {@code <app>-management} Service (Kubernetes) the management port and a /q/ path. Where there are no
     * Services ({@code managementOnAppHost}, compose) the app's own host serves its management port too, for /q/
     * paths only (the gateway's API descriptions).
     */
    static List<String> checkAppUrls(String where, Object tree, Map<String, Integer> appPorts, boolean managementOnAppHost) {
        List<String> violations = new ArrayList<>();
        walkStrings(tree, text -> {
            Matcher url = APP_URL.matcher(text);
            while (url.find()) {
                String host = url.group("host");
                int port = Integer.parseInt(url.group("port"));
                boolean operatorPath = url.group("path") != null && url.group("path").startsWith("/q/");
                Integer http = appPorts.get(host);
                String managed = host.endsWith("-" + MANAGEMENT_PORT_NAME)
                        ? host.substring(0, host.length() - MANAGEMENT_PORT_NAME.length() - 1) : null;
                if (http != null) {
                    boolean management = managementOnAppHost && operatorPath && port == http + MANAGEMENT_OFFSET;
                    if (port != http && !management) {
                        violations.add(where + ": '" + url.group("base") + "' but " + host + " listens on " + http
                                + (managementOnAppHost ? " (and on " + (http + MANAGEMENT_OFFSET) + " for /q/ paths)" : ""));
                    }
                } else if (managed != null && appPorts.containsKey(managed)) {
                    int management = appPorts.get(managed) + MANAGEMENT_OFFSET;
                    if (managementOnAppHost) {
                        violations.add(where + ": '" + url.group("base") + "' but there is no host " + host + " here; use "
                                + managed + ":" + management);
                    } else if (port != management || !operatorPath) {
                        violations.add(where + ": '" + url.group() + "' but " + host + " serves only /q/ paths on " + management);
                    }
                }
            }
        });
        return violations;
    }

    static void walkStrings(Object node, java.util.function.Consumer<String> visitor) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(value -> walkStrings(value, visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> walkStrings(value, visitor));
        } else if (node instanceof String text) {
            visitor.accept(text);
        }
    }

    // ------------------------------------------------------------------ operations and credentials

    /** Quarkus' management interface listens here: HTTP port + 1000 (gateway 9080 ... analytics 9085). */
    static final int MANAGEMENT_OFFSET = 1000;
    static final String MANAGEMENT_PORT_NAME = "management";

    /**
     * Each app declares its management port (named {@value #MANAGEMENT_PORT_NAME}, HTTP port + 1000);
     * every probe and the Prometheus annotation use it (the public port serves no /q/*), and the only
     * Service that routes it is the app's {@code <app>-management} Service, which routes nothing else, on a
     * port named {@value #MANAGEMENT_PORT_NAME} with the same number (the gateway reads API descriptions there).
     */
    static List<String> checkManagementPorts(List<Doc> docs, Map<String, Integer> appPorts) {
        List<String> violations = new ArrayList<>();
        for (Workload app : workloads(docs)) {
            Integer http = appPorts.get(app.name());
            if (http == null) {
                continue;
            }
            int management = http + MANAGEMENT_OFFSET;
            Integer declared = app.resolvePort(MANAGEMENT_PORT_NAME);
            if (declared == null || declared != management) {
                violations.add(app.id() + ": no container port named '" + MANAGEMENT_PORT_NAME + "' on " + management
                        + " (Quarkus' management interface, HTTP port + " + MANAGEMENT_OFFSET + ")");
            }
            for (Map<String, Object> container : app.containers()) {
                for (String probe : PROBE_PATHS.keySet()) {
                    Object port = map(map(container.get(probe)).get("httpGet")).get("port");
                    if (port != null && !Integer.valueOf(management).equals(app.resolvePort(port))) {
                        violations.add(app.id() + ": " + probe + " calls port '" + port + "', not the management port " + management);
                    }
                }
            }
            Map<String, Object> annotations = map(map(map(map(app.doc().body().get("spec")).get("template")).get("metadata")).get("annotations"));
            if ("true".equals(str(annotations.get("prometheus.io/scrape")))
                    && !str(annotations.get("prometheus.io/port")).equals(String.valueOf(management))) {
                violations.add(app.id() + ": prometheus.io/port '" + str(annotations.get("prometheus.io/port"))
                        + "' is not the management port " + management);
            }
            for (Doc service : docs) {
                if (!service.kind().equals("Service") || !selects(service, app.labels(), app.ports())) {
                    continue;
                }
                checkManagementRouting(service, app, management, violations);
            }
        }
        return violations;
    }

    /** The one Service that may route an app's management port. */
    static String managementServiceName(String app) {
        return app + "-" + MANAGEMENT_PORT_NAME;
    }

    private static void checkManagementRouting(Doc service, Workload app, int management, List<String> violations) {
        List<Map<String, Object>> ports = maps(map(service.body().get("spec")).get("ports"));
        boolean routesManagement = ports.stream()
                .anyMatch(port -> Integer.valueOf(management).equals(app.resolvePort(targetPort(port))));
        if (!routesManagement) {
            return;
        }
        String allowed = managementServiceName(app.name());
        if (!service.name().equals(allowed)) {
            violations.add(service.id() + ": routes the management port " + management + " of " + app.name()
                    + "; operator endpoints are reachable through no Service but " + allowed + ", which routes nothing else");
            return;
        }
        for (Map<String, Object> port : ports) {
            Object target = targetPort(port);
            if (!Integer.valueOf(management).equals(app.resolvePort(target))) {
                violations.add(service.id() + ": routes port '" + target + "' of " + app.name()
                        + " besides the management port " + management + "; it must route that port alone");
            } else if (!MANAGEMENT_PORT_NAME.equals(str(port.get("name"))) || !Integer.valueOf(management).equals(portKey(port.get("port")))) {
                violations.add(service.id() + ": its port must be named '" + MANAGEMENT_PORT_NAME + "' and be " + management
                        + ", not '" + str(port.get("name")) + "' " + str(port.get("port")));
            }
        }
    }

    private static Object targetPort(Map<String, Object> servicePort) {
        return servicePort.containsKey("targetPort") ? servicePort.get("targetPort") : servicePort.get("port");
    }

    /** Where the gateway reads a service's API description: its management Service and port. */
    static String apiDescriptionUrl(String app, int httpPort) {
        return "http://" + managementServiceName(app) + ":" + (httpPort + MANAGEMENT_OFFSET) + "/q/openapi?format=json";
    }

    private static final Pattern ROUTE_UPSTREAM = Pattern.compile("GATEWAY_ROUTES_([A-Z0-9_]+)_UPSTREAM");

    /**
     * Every route of the gateway that proxies to one of the apps sets GATEWAY_ROUTES_&lt;NAME&gt;_OPENAPI to that app's
     * {@link #apiDescriptionUrl} (the default, the upstream's host on port + 1000, is a port its public Service does
     * not route), and that app has its {@code <app>-management} Service on the management port.
     */
    static List<String> checkApiDescriptions(List<Doc> docs, Map<String, Integer> appPorts, String gateway) {
        List<String> violations = new ArrayList<>();
        Workload entry = workloads(docs).stream().filter(w -> w.name().equals(gateway)).findFirst().orElse(null);
        if (entry == null) {
            return List.of("no Deployment '" + gateway + "'");
        }
        int routes = 0;
        for (Map.Entry<String, Object> setting : entry.settings().entrySet()) {
            Matcher route = ROUTE_UPSTREAM.matcher(setting.getKey());
            Matcher url = APP_URL.matcher(str(setting.getValue()));
            if (!route.matches() || !url.find() || !appPorts.containsKey(url.group("host"))) {
                continue;
            }
            routes++;
            String app = url.group("host");
            String key = "GATEWAY_ROUTES_" + route.group(1) + "_OPENAPI";
            String expected = apiDescriptionUrl(app, appPorts.get(app));
            String actual = str(entry.settings().get(key));
            if (actual.isEmpty()) {
                violations.add(entry.id() + ": route " + route.group(1) + " proxies to " + app + " but sets no " + key
                        + " (its API description: " + expected + ")");
            } else if (!actual.equals(expected)) {
                violations.add(entry.id() + ": " + key + " is '" + actual + "', not " + app + "'s management Service " + expected);
            }
            checkManagementService(docs, app, appPorts.get(app) + MANAGEMENT_OFFSET, violations);
        }
        if (routes == 0) {
            violations.add(entry.id() + ": no GATEWAY_ROUTES_<NAME>_UPSTREAM to any app; nothing to check");
        }
        return violations;
    }

    private static void checkManagementService(List<Doc> docs, String app, int management, List<String> violations) {
        String name = managementServiceName(app);
        Doc service = find(docs, "Service", name);
        Workload workload = workloads(docs).stream().filter(w -> w.name().equals(app)).findFirst().orElse(null);
        if (service == null) {
            violations.add("no Service '" + name + "' (the gateway reads " + app + "'s API description through it)");
            return;
        }
        boolean routes = workload != null && selects(service, workload.labels(), workload.ports())
                && maps(map(service.body().get("spec")).get("ports")).stream()
                .anyMatch(port -> Integer.valueOf(management).equals(portKey(port.get("port")))
                        && Integer.valueOf(management).equals(workload.resolvePort(targetPort(port))));
        if (!routes) {
            violations.add(service.id() + ": does not route port " + management + " to " + app + "'s management port");
        }
    }

    /** A variable name that holds a credential: never in a ConfigMap or as a literal value. */
    private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|JAAS_CONFIG|API_KEY|SECRET|TOKEN).*");
    /** A URL with a password in it (redis://:secret@host, redis://user:secret@host). */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("[a-z]+://[^/@\\s]*:[^/@\\s]+@");

    /**
     * Credentials come from Secrets: an app using Redis gets QUARKUS_REDIS_PASSWORD from a (required)
     * Secret, an app using Kafka sets KAFKA_SECURITY_PROTOCOL and gets KAFKA_SASL_JAAS_CONFIG from a
     * Secret; no ConfigMap key or literal env value is a credential, and no URL carries a password.
     */
    static List<String> checkCredentials(List<Doc> docs) {
        List<String> violations = new ArrayList<>();
        for (Doc doc : docs) {
            if (doc.kind().equals("ConfigMap")) {
                map(doc.body().get("data")).forEach((key, value) -> {
                    if (CREDENTIAL.matcher(key).matches()) {
                        violations.add(doc.id() + ": holds the credential " + key + "; read it from a Secret");
                    }
                    if (URL_WITH_PASSWORD.matcher(str(value)).find()) {
                        violations.add(doc.id() + ": " + key + " carries a password in its URL; use a Secret");
                    }
                });
            }
        }
        for (Workload app : workloads(docs)) {
            Map<String, Map<String, Object>> env = app.env();
            env.forEach((name, entry) -> {
                if (CREDENTIAL.matcher(name).matches() && entry.containsKey("value")) {
                    violations.add(app.id() + ": env " + name + " is a literal value; read it from a Secret");
                }
            });
            if (app.settings().containsKey("QUARKUS_REDIS_HOSTS")) {
                Map<String, Object> ref = secretRef(env.get("QUARKUS_REDIS_PASSWORD"));
                if (ref.isEmpty()) {
                    violations.add(app.id() + ": uses Redis but takes no QUARKUS_REDIS_PASSWORD from a Secret");
                } else if (Boolean.TRUE.equals(ref.get("optional"))) {
                    violations.add(app.id() + ": QUARKUS_REDIS_PASSWORD's Secret is optional; without it the pod must not start");
                }
            }
            if (app.settings().containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                if (str(app.settings().get("KAFKA_SECURITY_PROTOCOL")).isEmpty()) {
                    violations.add(app.id() + ": uses Kafka but its ConfigMap does not set KAFKA_SECURITY_PROTOCOL");
                }
                if (secretRef(env.get("KAFKA_SASL_JAAS_CONFIG")).isEmpty()) {
                    violations.add(app.id() + ": uses Kafka but takes no KAFKA_SASL_JAAS_CONFIG from a Secret");
                }
            }
        }
        return violations;
    }

    private static Map<String, Object> secretRef(Map<String, Object> envEntry) {
        return envEntry == null ? Map.of() : map(map(envEntry.get("valueFrom")).get("secretKeyRef"));
    }

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2})|([0-9a-fA-F:]+/\\d{1,3})");

    /**
     * The app's ConfigMap names the proxies whose X-Forwarded-For is believed: a CIDR list, never
     * everything (then any client could choose its own address and escape its rate limits).
     */
    static List<String> checkTrustedProxies(List<Doc> docs, String app, String setting) {
        List<String> violations = new ArrayList<>();
        Workload workload = workloads(docs).stream().filter(w -> w.name().equals(app)).findFirst().orElse(null);
        if (workload == null) {
            return List.of("no Deployment '" + app + "'");
        }
        String value = str(workload.settings().get(setting));
        if (value.isBlank()) {
            violations.add(workload.id() + ": its ConfigMap does not set " + setting + " (the ingress controller's addresses)");
            return violations;
        }
        for (String entry : value.split(",")) {
            String cidr = entry.trim();
            if (!CIDR.matcher(cidr).matches()) {
                violations.add(workload.id() + ": " + setting + " entry '" + cidr + "' is not a CIDR");
            } else if (cidr.endsWith("/0")) {
                violations.add(workload.id() + ": " + setting + " trusts every address (" + cidr + ")");
            }
        }
        return violations;
    }

    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    /**
     * Every Dockerfile of every app starts the JVM with {@value #EXIT_ON_OOM} on the ENTRYPOINT or CMD
     * itself (a JVM that survives an OutOfMemoryError lingers half-dead; exiting lets the orchestrator
     * restart it), not only in an environment variable an operator could override.
     */
    static List<String> checkDockerfiles(Path root, Collection<String> apps) {
        List<String> violations = new ArrayList<>();
        for (String app : apps) {
            Path dir = root.resolve(app).resolve("src/main/docker");
            List<Path> dockerfiles;
            try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
                dockerfiles = files.filter(f -> f.getFileName().toString().startsWith("Dockerfile")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (dockerfiles.isEmpty()) {
                violations.add(app + ": no Dockerfile in " + dir);
            }
            for (Path dockerfile : dockerfiles) {
                List<String> starts;
                try {
                    starts = Files.readAllLines(dockerfile).stream().map(String::trim)
                            .filter(line -> line.startsWith("ENTRYPOINT") || line.startsWith("CMD"))
                            .filter(line -> line.matches(".*\\bjava\\b.*")).toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (starts.isEmpty()) {
                    violations.add(dockerfile + ": no ENTRYPOINT or CMD that runs java");
                } else if (starts.stream().anyMatch(line -> !line.contains(EXIT_ON_OOM))) {
                    violations.add(dockerfile + ": the java command lacks " + EXIT_ON_OOM);
                }
            }
        }
        return violations;
    }

    /**
     * Compose: each app restarts when its process dies (after an OutOfMemoryError exit) and is health-checked
     * on its management port (HTTP port + 1000), not the public one; Redis requires a password and every app
     * using Redis is given it.
     */
    static List<String> checkComposeOperations(Map<String, Object> compose, Map<String, Integer> appPorts) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> services = map(compose.get("services"));
        appPorts.forEach((app, http) -> {
            Map<String, Object> service = map(services.get(app));
            if (service.isEmpty()) {
                return; // checkCompose reports it
            }
            String restart = str(service.get("restart"));
            if (!Set.of("always", "unless-stopped").contains(restart) && !restart.startsWith("on-failure")) {
                violations.add("compose service '" + app + "': restart '" + restart + "'; a process that exits must come back");
            }
            String test = str(map(service.get("healthcheck")).get("test"));
            int management = http + MANAGEMENT_OFFSET;
            if (!test.contains(":" + management + "/")) {
                violations.add("compose service '" + app + "': healthcheck does not call the management port " + management + ": " + test);
            }
            Map<String, Object> environment = map(service.get("environment"));
            if (environment.containsKey("QUARKUS_REDIS_HOSTS") && str(environment.get("QUARKUS_REDIS_PASSWORD")).isBlank()) {
                violations.add("compose service '" + app + "': uses Redis without QUARKUS_REDIS_PASSWORD");
            }
        });
        Map<String, Object> redis = map(services.get("redis"));
        if (!redis.isEmpty() && !str(redis.get("command")).contains("--requirepass")) {
            violations.add("compose service 'redis': runs without --requirepass");
        }
        return violations;
    }

    // ------------------------------------------------------------------ helpers

    private static Doc find(List<Doc> docs, String kind, String name) {
        return docs.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst().orElse(null);
    }

    private static Set<String> namesOfKind(List<Doc> docs, String kind) {
        Set<String> names = new HashSet<>();
        docs.stream().filter(d -> d.kind().equals(kind)).forEach(d -> names.add(d.name()));
        return names;
    }

    static boolean containsAll(Map<String, Object> labels, Map<String, Object> wanted) {
        return wanted.entrySet().stream().allMatch(e -> Objects.equals(str(labels.get(e.getKey())), str(e.getValue())));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Map<String, Object>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(ManifestChecker::map).toList();
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(ManifestChecker::str).toList() : List.of();
    }

    static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            result.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return result;
    }
}
