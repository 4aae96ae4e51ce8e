package dev.lectavera.deploy;

import dev.lectavera.deploy.ManifestChecker.Doc;
import dev.lectavera.deploy.ManifestChecker.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lectavera.deploy.ManifestChecker.containsAll;
import static dev.lectavera.deploy.ManifestChecker.map;
import static dev.lectavera.deploy.ManifestChecker.maps;
import static dev.lectavera.deploy.ManifestChecker.portKey;
import static dev.lectavera.deploy.ManifestChecker.str;
import static dev.lectavera.deploy.ManifestChecker.strings;

/**
 * What the NetworkPolicies let through, evaluated the way Kubernetes does (a pod selected by no policy
 * of a direction is open in that direction; selected by some, it gets the union of their rules), and
 * compared with what the apps need: who calls whom is read from the URLs in each app's ConfigMap
 * (gateway upstreams, JWKS location, REST client URLs), infrastructure from its connection settings.
 * Management ports admit a labelled namespace (the metrics scrape) and the public apps that read them
 * (the gateway's API descriptions, URLs to {@code <app>-management}), nothing else.
 * Only {@code matchLabels} selectors are understood; a policy using anything else is reported.
 */
final class NetworkPolicyChecker {

    /** A source that is not one of the apps: "anywhere", a namespace selector or an address block. */
    static final String ANYWHERE = "anywhere";
    static final String EVERY_POD = "every pod of the namespace";

    /** Settings that mean "this app uses that infrastructure", with the port used when the value names none. */
    static final Map<String, Integer> INFRASTRUCTURE = orderedPorts(
            "QUARKUS_DATASOURCE_JDBC_URL", 5432,
            "QUARKUS_REDIS_HOSTS", 6379,
            "KAFKA_BOOTSTRAP_SERVERS", 9092);

    /**
     * document-service's S3-compatible blob store: its endpoint's port must be open (one way only: other apps
     * may open the same port, 443, for other reasons).
     */
    static final String BLOB_STORE_ENDPOINT = "LECTAVERA_DOCUMENTS_BLOBS_S3_ENDPOINT";

    private static final Pattern APP_URL = Pattern.compile("https?://([a-z0-9-]+):(\\d+)");
    /** A URL to an app's management Service (ManifestChecker#managementServiceName). */
    private static final Pattern MANAGEMENT_URL = Pattern.compile("https?://([a-z0-9-]+)-management:(\\d+)");
    private static final Pattern LAST_PORT = Pattern.compile(":(\\d+)(?:[/?].*)?$");

    private NetworkPolicyChecker() {
    }

    /**
     * @param appPorts   each app and its HTTP port
     * @param publicApps apps that may be reached from anywhere on their HTTP port (the gateway)
     * @param managementOffset management port = HTTP port + this
     */
    static List<String> check(List<Doc> docs, Map<String, Integer> appPorts, Set<String> publicApps, int managementOffset) {
        List<String> violations = new ArrayList<>();
        List<Doc> policies = docs.stream().filter(d -> d.kind().equals("NetworkPolicy")).toList();
        for (Doc policy : policies) {
            checkSelectors(policy, violations);
        }
        if (policies.stream().noneMatch(NetworkPolicyChecker::isDefaultDeny)) {
            violations.add("no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)");
        }

        List<Workload> apps = ManifestChecker.workloads(docs).stream().filter(w -> appPorts.containsKey(w.name())).toList();
        Map<String, Set<String>> callers = callers(apps);
        Map<String, Set<String>> managementReaders = managementReaders(apps);
        for (Workload app : apps) {
            managementReaders.forEach((callee, readers) -> {
                if (readers.contains(app.name()) && !publicApps.contains(app.name())) {
                    violations.add(app.id() + ": reads the management port of " + callee + "; only " + publicApps
                            + " may (operator endpoints)");
                }
            });
        }
        for (Workload app : apps) {
            int http = appPorts.get(app.name());
            int management = http + managementOffset;
            boolean isPublic = publicApps.contains(app.name());

            // ---- ingress
            Set<String> toHttp = ingressSources(policies, apps, app, http);
            if (toHttp.isEmpty()) {
                violations.add(app.id() + ": selected by no NetworkPolicy that admits anything to its HTTP port " + http
                        + " (behind default-deny it is unreachable)");
            }
            if (!isPublic) {
                for (String source : toHttp) {
                    if (!source.startsWith("app:")) {
                        violations.add(app.id() + ": admits " + source + " to its HTTP port " + http
                                + "; only the gateway and the services that call it may");
                    }
                }
                Set<String> admitted = appsIn(toHttp);
                Set<String> expected = callers.getOrDefault(app.name(), Set.of());
                boolean open = toHttp.contains(ANYWHERE) || toHttp.contains(EVERY_POD); // reported above
                for (String caller : expected) {
                    if (!open && !admitted.contains(caller)) {
                        violations.add(app.id() + ": does not admit its caller " + caller + " on port " + http);
                    }
                }
                for (String other : admitted) {
                    if (!expected.contains(other)) {
                        violations.add(app.id() + ": admits " + other + " on port " + http + ", which does not call it");
                    }
                }
            }
            Set<String> readers = managementReaders.getOrDefault(app.name(), Set.of());
            Set<String> toManagement = ingressSources(policies, apps, app, management);
            for (String source : toManagement) {
                if (source.startsWith("app:")) {
                    String other = source.substring(4);
                    if (!readers.contains(other) || !publicApps.contains(other)) {
                        violations.add(app.id() + ": admits " + other + " to its management port " + management
                                + ", which does not read its API description there");
                    }
                } else if (!source.startsWith("namespaces ")) {
                    violations.add(app.id() + ": admits " + source + " to its management port " + management
                            + "; only the gateway and a labelled monitoring namespace may reach it");
                }
            }
            boolean managementOpen = toManagement.contains(ANYWHERE) || toManagement.contains(EVERY_POD); // reported above
            for (String reader : readers) {
                if (!managementOpen && !toManagement.contains("app:" + reader)) {
                    violations.add(app.id() + ": does not admit " + reader + ", which reads its API description, on its management port "
                            + management);
                }
            }

            // ---- egress
            List<Map<String, Object>> egress = egressRules(policies, app);
            if (egress == null) {
                violations.add(app.id() + ": selected by no Egress policy, so it may connect anywhere");
                continue;
            }
            for (Map<String, Object> rule : egress) {
                if (maps(rule.get("ports")).isEmpty()) {
                    violations.add(app.id() + ": an egress rule without ports opens every port"
                            + (maps(rule.get("to")).isEmpty() ? " to everywhere" : ""));
                }
            }
            if (!egressAllows(egress, "UDP", 53, null) || !egressAllows(egress, "TCP", 53, null)) {
                violations.add(app.id() + ": no DNS egress (UDP and TCP 53)");
            }
            INFRASTRUCTURE.forEach((setting, defaultPort) -> {
                String value = str(app.settings().get(setting));
                int port = portOf(value, defaultPort);
                boolean allowed = egressAllows(egress, "TCP", port, null);
                if (!value.isEmpty() && !allowed) {
                    violations.add(app.id() + ": uses " + setting + " but may not connect to port " + port);
                } else if (value.isEmpty() && allowed) {
                    violations.add(app.id() + ": may connect to port " + port + " but has no " + setting);
                }
            });
            String blobStore = str(app.settings().get(BLOB_STORE_ENDPOINT));
            int blobPort = portOf(blobStore, blobStore.startsWith("http://") ? 80 : 443);
            if (!blobStore.isEmpty() && !egressAllows(egress, "TCP", blobPort, null)) {
                violations.add(app.id() + ": uses " + BLOB_STORE_ENDPOINT + " but may not connect to port " + blobPort);
            }
            Set<String> calls = new TreeSet<>();
            callers.forEach((callee, from) -> {
                if (from.contains(app.name())) {
                    calls.add(callee);
                }
            });
            for (Workload other : apps) {
                if (other == app) {
                    continue;
                }
                int otherHttp = appPorts.get(other.name());
                boolean allowed = egressAllows(egress, "TCP", otherHttp, other);
                if (calls.contains(other.name()) && !allowed) {
                    violations.add(app.id() + ": calls " + other.name() + " but its egress does not allow port " + otherHttp + " to it");
                } else if (!calls.contains(other.name()) && allowed) {
                    violations.add(app.id() + ": egress allows " + other.name() + " on port " + otherHttp + ", which it does not call");
                }
                int otherManagement = otherHttp + managementOffset;
                boolean reads = managementReaders.getOrDefault(other.name(), Set.of()).contains(app.name());
                boolean allowedManagement = egressAllows(egress, "TCP", otherManagement, other);
                if (reads && !allowedManagement) {
                    violations.add(app.id() + ": reads " + other.name() + "'s API description but its egress does not allow port "
                            + otherManagement + " to it");
                } else if (!reads && allowedManagement) {
                    violations.add(app.id() + ": egress allows " + other.name() + "'s management port " + otherManagement
                            + ", which it does not read");
                }
            }
        }
        return violations;
    }

    /** Who calls each app: every app whose settings hold a URL to it. */
    static Map<String, Set<String>> callers(List<Workload> apps) {
        Set<String> names = new TreeSet<>();
        apps.forEach(app -> names.add(app.name()));
        Map<String, Set<String>> callers = new LinkedHashMap<>();
        for (Workload app : apps) {
            ManifestChecker.walkStrings(app.settings(), text -> {
                Matcher url = APP_URL.matcher(text);
                while (url.find()) {
                    String callee = url.group(1);
                    if (names.contains(callee) && !callee.equals(app.name())) {
                        callers.computeIfAbsent(callee, k -> new TreeSet<>()).add(app.name());
                    }
                }
            });
        }
        return callers;
    }

    /** Who reads each app's management port: every app whose settings hold a URL to {@code <app>-management}. */
    static Map<String, Set<String>> managementReaders(List<Workload> apps) {
        Set<String> names = new TreeSet<>();
        apps.forEach(app -> names.add(app.name()));
        Map<String, Set<String>> readers = new LinkedHashMap<>();
        for (Workload app : apps) {
            ManifestChecker.walkStrings(app.settings(), text -> {
                Matcher url = MANAGEMENT_URL.matcher(text);
                while (url.find()) {
                    if (names.contains(url.group(1)) && !url.group(1).equals(app.name())) {
                        readers.computeIfAbsent(url.group(1), k -> new TreeSet<>()).add(app.name());
                    }
                }
            });
        }
        return readers;
    }

    // ------------------------------------------------------------------ evaluation

    static boolean isDefaultDeny(Doc policy) {
        Map<String, Object> spec = map(policy.body().get("spec"));
        Map<String, Object> selector = map(spec.get("podSelector"));
        List<String> types = strings(spec.get("policyTypes"));
        return spec.containsKey("podSelector") && selector.isEmpty()
                && types.contains("Ingress") && types.contains("Egress")
                && maps(spec.get("ingress")).isEmpty() && maps(spec.get("egress")).isEmpty();
    }

    private static void checkSelectors(Doc policy, List<String> violations) {
        Map<String, Object> spec = map(policy.body().get("spec"));
        if (!spec.containsKey("podSelector")) {
            violations.add(policy.id() + ": no spec.podSelector");
        }
        List<Map<String, Object>> selectors = new ArrayList<>();
        selectors.add(map(spec.get("podSelector")));
        for (String direction : List.of("ingress", "egress")) {
            for (Map<String, Object> rule : maps(spec.get(direction))) {
                for (Map<String, Object> peer : maps(rule.get(direction.equals("ingress") ? "from" : "to"))) {
                    selectors.add(map(peer.get("podSelector")));
                    selectors.add(map(peer.get("namespaceSelector")));
                }
            }
        }
        if (selectors.stream().anyMatch(s -> s.containsKey("matchExpressions"))) {
            violations.add(policy.id() + ": uses matchExpressions; write selectors with matchLabels");
        }
    }

    private static boolean selects(Doc policy, Workload app) {
        Map<String, Object> selector = map(map(policy.body().get("spec")).get("podSelector"));
        return containsAll(app.labels(), map(selector.get("matchLabels")));
    }

    private static boolean hasType(Doc policy, String type) {
        Map<String, Object> spec = map(policy.body().get("spec"));
        if (spec.containsKey("policyTypes")) {
            return strings(spec.get("policyTypes")).contains(type);
        }
        // Kubernetes' default: Ingress always, Egress when there are egress rules.
        return type.equals("Ingress") || spec.containsKey("egress");
    }

    /**
     * Who may reach {@code port} (TCP) of the app: "app:{name}" for the apps a rule admits, or one of
     * {@link #ANYWHERE}, {@link #EVERY_POD}, "namespaces {labels}", "ipBlock {cidr}", "pods {labels}".
     * Selected by no Ingress policy, the pod is open: {@link #ANYWHERE}.
     */
    static Set<String> ingressSources(List<Doc> policies, List<Workload> apps, Workload app, int port) {
        Set<String> sources = new TreeSet<>();
        boolean isolated = false;
        for (Doc policy : policies) {
            if (!selects(policy, app) || !hasType(policy, "Ingress")) {
                continue;
            }
            isolated = true;
            for (Map<String, Object> rule : maps(map(policy.body().get("spec")).get("ingress"))) {
                if (!portsMatch(rule, "TCP", port, app)) {
                    continue;
                }
                List<Map<String, Object>> from = maps(rule.get("from"));
                if (from.isEmpty()) {
                    sources.add(ANYWHERE);
                }
                for (Map<String, Object> peer : from) {
                    sources.add(describe(peer, apps));
                }
            }
        }
        if (!isolated) {
            sources.add(ANYWHERE);
        }
        // "app:a,app:b" from one peer selecting several apps
        Set<String> split = new TreeSet<>();
        sources.forEach(s -> split.addAll(List.of(s.split(","))));
        return split;
    }

    private static String describe(Map<String, Object> peer, List<Workload> apps) {
        Map<String, Object> block = map(peer.get("ipBlock"));
        if (!block.isEmpty()) {
            String cidr = str(block.get("cidr"));
            return cidr.equals("0.0.0.0/0") || cidr.equals("::/0") ? ANYWHERE : "ipBlock " + cidr;
        }
        if (peer.containsKey("namespaceSelector")) {
            Map<String, Object> labels = map(map(peer.get("namespaceSelector")).get("matchLabels"));
            return labels.isEmpty() ? ANYWHERE : "namespaces " + labels;
        }
        Map<String, Object> labels = map(map(peer.get("podSelector")).get("matchLabels"));
        if (labels.isEmpty()) {
            return EVERY_POD;
        }
        List<String> matched = apps.stream().filter(a -> containsAll(a.labels(), labels)).map(a -> "app:" + a.name()).toList();
        return matched.isEmpty() ? "pods " + labels : String.join(",", matched);
    }

    /** The egress rules that apply to the app, or null when no Egress policy selects it (all open). */
    static List<Map<String, Object>> egressRules(List<Doc> policies, Workload app) {
        List<Map<String, Object>> rules = null;
        for (Doc policy : policies) {
            if (selects(policy, app) && hasType(policy, "Egress")) {
                if (rules == null) {
                    rules = new ArrayList<>();
                }
                rules.addAll(maps(map(policy.body().get("spec")).get("egress")));
            }
        }
        return rules;
    }

    /**
     * Whether a rule lets the app connect to {@code port}: of {@code target}'s pods when given (a peer
     * selecting them in this namespace, or a rule open to every destination), of some destination
     * otherwise (infrastructure lives outside the manifests, so any {@code to} counts).
     */
    static boolean egressAllows(List<Map<String, Object>> rules, String protocol, int port, Workload target) {
        for (Map<String, Object> rule : rules) {
            if (!portsMatch(rule, protocol, port, target)) {
                continue;
            }
            List<Map<String, Object>> to = maps(rule.get("to"));
            if (target == null || to.isEmpty()) {
                return true;
            }
            for (Map<String, Object> peer : to) {
                Map<String, Object> labels = map(map(peer.get("podSelector")).get("matchLabels"));
                if (!peer.containsKey("namespaceSelector") && peer.containsKey("podSelector")
                        && containsAll(target.labels(), labels)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A rule without ports matches every port; a named port is looked up in {@code pod} (the destination). */
    private static boolean portsMatch(Map<String, Object> rule, String protocol, int port, Workload pod) {
        List<Map<String, Object>> ports = maps(rule.get("ports"));
        if (ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> entry : ports) {
            String entryProtocol = entry.get("protocol") == null ? "TCP" : str(entry.get("protocol"));
            if (!entryProtocol.equals(protocol)) {
                continue;
            }
            if (entry.get("port") == null) {
                return true;
            }
            Object key = portKey(entry.get("port"));
            Integer from = key instanceof Integer number ? number : pod == null ? null : pod.resolvePort(key);
            if (from == null) {
                continue;
            }
            int to = entry.get("endPort") == null ? from : (Integer) portKey(entry.get("endPort"));
            if (port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> appsIn(Set<String> sources) {
        Set<String> apps = new TreeSet<>();
        sources.stream().filter(s -> s.startsWith("app:")).forEach(s -> apps.add(s.substring(4)));
        return apps;
    }

    static int portOf(String value, int fallback) {
        // first address of a list: "kafka-0:9092,kafka-1:9092", "redis://redis:6379", "jdbc:postgresql://pg:5432/db"
        String first = value.split(",")[0].trim();
        Matcher port = LAST_PORT.matcher(first);
        return port.find() ? Integer.parseInt(port.group(1)) : fallback;
    }

    private static Map<String, Integer> orderedPorts(Object... keysAndPorts) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (int i = 0; i < keysAndPorts.length; i += 2) {
            result.put((String) keysAndPorts[i], (Integer) keysAndPorts[i + 1]);
        }
        return result;
    }
}
