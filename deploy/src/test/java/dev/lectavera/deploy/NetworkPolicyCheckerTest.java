package dev.lectavera.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy checker on a small platform: "edge" is the public entry and calls "api" and "store";
 * "api" calls "store"; edge reads api's API description on its management port (through api-management).
 * The good policies pass, and each kind of hole or gap in them is caught.
 */
class NetworkPolicyCheckerTest {

    static final Map<String, Integer> APPS = Map.of("edge", 8080, "api", 8081, "store", 8082);

    static String app(String name, int port, String settings) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %1$s-config
                data:
                %3$s
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                spec:
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: %1$s
                        app.kubernetes.io/part-of: demo
                    spec:
                      containers:
                        - name: %1$s
                          ports:
                            - name: http
                              containerPort: %2$d
                            - name: management
                              containerPort: %4$d
                          envFrom:
                            - configMapRef:
                                name: %1$s-config
                ---
                """.formatted(name, port, settings.indent(2).stripTrailing(), port + 1000);
    }

    static final String APPS_YAML =
            app("edge", 8080, "UPSTREAM_API: http://api:8081\nUPSTREAM_STORE: http://store:8082\nQUARKUS_REDIS_HOSTS: redis://redis:6379"
                    + "\nOPENAPI_API: http://api-management:9081/q/openapi?format=json")
            + app("api", 8081, "STORE_URL: http://store:8082\nKAFKA_BOOTSTRAP_SERVERS: kafka:9092")
            + app("store", 8082, "QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://db:5432/store");

    static final String POLICIES = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
            spec:
              podSelector: {}
              policyTypes: ["Ingress", "Egress"]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: dns
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/part-of: demo
              policyTypes: ["Egress"]
              egress:
                - to:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: kube-system
                  ports:
                    - protocol: UDP
                      port: 53
                    - protocol: TCP
                      port: 53
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: scrape
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/part-of: demo
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels:
                          monitoring: "true"
                  ports:
                    - port: management
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: edge
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: edge
              policyTypes: ["Ingress", "Egress"]
              ingress:
                - ports:
                    - port: 8080
              egress:
                - to:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: api
                  ports:
                    - port: 8081
                    - port: 9081
                - to:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: store
                  ports:
                    - port: 8082
                - ports:
                    - port: 6379
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: api
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: api
              policyTypes: ["Ingress", "Egress"]
              ingress:
                - from:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: edge
                  ports:
                    - port: http
                - from:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: edge
                  ports:
                    - port: 9081
              egress:
                - to:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: store
                  ports:
                    - port: 8082
                - ports:
                    - port: 9092
                      endPort: 9096
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: store
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: store
              policyTypes: ["Ingress", "Egress"]
              ingress:
                - from:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: edge
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: api
                  ports:
                    - protocol: TCP
                      port: 8082
              egress:
                - ports:
                    - protocol: TCP
                      port: 5432
            """;

    static final String GOOD = APPS_YAML + POLICIES;

    @Test
    void theGoodPoliciesPass() {
        assertEquals(List.of(), check(GOOD));
        assertEquals(Map.of("api", Set.of("edge"), "store", Set.of("api", "edge")),
                NetworkPolicyChecker.callers(ManifestChecker.workloads(ManifestChecker.parse("inline", GOOD))));
    }

    @Test
    void noPoliciesAtAllIsCaughtEverywhere() {
        List<String> violations = check(APPS_YAML);
        assertCaught(violations, "no default-deny NetworkPolicy");
        assertCaught(violations, "Deployment/api: selected by no Egress policy");
        assertCaught(violations, "Deployment/store: admits anywhere to its HTTP port 8082");
        assertCaught(violations, "Deployment/api: selected by no Egress policy");
    }

    @Test
    void aMissingOrWeakenedDefaultDenyIsCaught() {
        String[] parts = POLICIES.split("---\n", 2);
        assertCaught(check(APPS_YAML + parts[1]), "no default-deny NetworkPolicy");
        assertCaught(check(change(GOOD, "  policyTypes: [\"Ingress\", \"Egress\"]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: dns",
                "  policyTypes: [\"Ingress\"]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: dns")),
                "no default-deny NetworkPolicy");
    }

    @Test
    void aDeploymentNoPolicyOfItsOwnSelectsIsCaught() {
        String unselected = change(GOOD, "  name: store\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: store",
                "  name: store\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: storage");
        assertCaught(check(unselected), "Deployment/store: selected by no NetworkPolicy that admits anything to its HTTP port 8082");
    }

    @Test
    void aServiceOpenToEveryoneIsCaught() {
        String openApi = change(GOOD, """
                  ingress:
                    - from:
                        - podSelector:
                            matchLabels:
                              app.kubernetes.io/name: edge
                      ports:
                        - port: http
                """, """
                  ingress:
                    - ports:
                        - port: http
                """);
        assertCaught(check(openApi), "Deployment/api: admits anywhere to its HTTP port 8081");
        assertCaught(check(change(GOOD, "          app.kubernetes.io/name: edge\n      ports:\n        - port: http",
                "          {}\n      ports:\n        - port: http").replace("matchLabels:\n          {}", "{}")),
                "Deployment/api: admits every pod of the namespace");
        assertCaught(check(change(GOOD, "        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: edge\n        - podSelector:",
                "        - ipBlock:\n            cidr: 0.0.0.0/0\n        - podSelector:")),
                "Deployment/store: admits anywhere to its HTTP port 8082");
    }

    @Test
    void theEntryMayBeOpenButMustAdmitSomething() {
        assertCaught(check(cut(GOOD, "  ingress:\n    - ports:\n        - port: 8080\n")), "Deployment/edge: selected by no NetworkPolicy that admits anything to its HTTP port 8080");
    }

    @Test
    void aMissingOrExtraCallerIsCaught() {
        assertCaught(check(change(GOOD, "              app.kubernetes.io/name: api\n      ports:\n        - protocol: TCP\n          port: 8082",
                "              app.kubernetes.io/name: other\n      ports:\n        - protocol: TCP\n          port: 8082")),
                "Deployment/store: does not admit its caller api on port 8082");
        String storeCallsNobodyButIsAdmittedToApi = change(GOOD, "              app.kubernetes.io/name: edge\n      ports:\n        - port: http",
                "              app.kubernetes.io/name: edge\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: store\n      ports:\n        - port: http");
        assertCaught(check(storeCallsNobodyButIsAdmittedToApi), "Deployment/api: admits store on port 8081, which does not call it");
    }

    @Test
    void aCallerWhoseEgressDoesNotReachItsCalleeIsCaught() {
        assertCaught(check(change(GOOD, "  egress:\n    - to:\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: store\n      ports:\n        - port: 8082\n    - ports:\n        - port: 9092",
                        "  egress:\n    - ports:\n        - port: 9092")),
                "Deployment/api: calls store but its egress does not allow port 8082 to it");
    }

    @Test
    void egressBeyondWhatTheAppUsesIsCaught() {
        assertCaught(check(change(GOOD, "      port: 5432\n", "      port: 5432\n        - protocol: TCP\n          port: 8081\n")),
                "Deployment/store: egress allows api on port 8081, which it does not call");
        assertCaught(check(change(GOOD, "      port: 5432\n", "      port: 5432\n        - protocol: TCP\n          port: 6379\n")),
                "Deployment/store: may connect to port 6379 but has no QUARKUS_REDIS_HOSTS");
        String anyPort = change(GOOD, "  egress:\n    - ports:\n        - protocol: TCP\n          port: 5432\n", "  egress:\n    - {}\n");
        assertCaught(check(anyPort), "Deployment/store: an egress rule without ports opens every port to everywhere");
    }

    @Test
    void missingDnsOrInfrastructureEgressIsCaught() {
        assertCaught(check(cut(GOOD, "        - protocol: UDP\n          port: 53\n")), "Deployment/api: no DNS egress");
        assertCaught(check(change(GOOD, "          port: 5432\n", "          port: 5433\n")),
                "Deployment/store: uses QUARKUS_DATASOURCE_JDBC_URL but may not connect to port 5432");
        assertCaught(check(change(GOOD, "kafka:9092", "kafka:9097")),
                "Deployment/api: uses KAFKA_BOOTSTRAP_SERVERS but may not connect to port 9097");
    }

    @Test
    void aBlobStoreEndpointNeedsEgressToItsPort() {
        String withBlobStore = change(GOOD, "jdbc:postgresql://db:5432/store",
                "jdbc:postgresql://db:5432/store\n  LECTAVERA_DOCUMENTS_BLOBS_S3_ENDPOINT: http://s3:9000");
        assertCaught(check(withBlobStore),
                "Deployment/store: uses LECTAVERA_DOCUMENTS_BLOBS_S3_ENDPOINT but may not connect to port 9000");
        assertEquals(List.of(), check(change(withBlobStore, "          port: 5432\n",
                "          port: 5432\n        - protocol: TCP\n          port: 9000\n")));
        assertCaught(check(change(withBlobStore, "http://s3:9000", "https://objects.example.com")),
                "Deployment/store: uses LECTAVERA_DOCUMENTS_BLOBS_S3_ENDPOINT but may not connect to port 443");
    }

    @Test
    void aManagementPortOpenToEveryoneIsCaught() {
        assertCaught(check(change(GOOD, "    - from:\n        - namespaceSelector:\n            matchLabels:\n              monitoring: \"true\"\n      ports:",
                        "    - ports:")),
                "admits anywhere to its management port 9081");
    }

    /** api's management-port rule for edge, as it appears in {@link #GOOD}. */
    static final String API_MANAGEMENT_RULE = """
                - from:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: edge
                  ports:
                    - port: 9081
            """;

    @Test
    void theManagementPortReadersAreReadFromTheSettings() {
        assertEquals(Map.of("api", Set.of("edge")),
                NetworkPolicyChecker.managementReaders(ManifestChecker.workloads(ManifestChecker.parse("inline", GOOD))));
    }

    @Test
    void aManagementPortAdmittingAnythingButItsReaderAndTheMonitoringNamespaceIsCaught() {
        assertCaught(check(change(GOOD, API_MANAGEMENT_RULE, API_MANAGEMENT_RULE.replace("app.kubernetes.io/name: edge", "app.kubernetes.io/name: store"))),
                "Deployment/api: admits store to its management port 9081, which does not read its API description there");
        assertCaught(check(change(GOOD, API_MANAGEMENT_RULE, API_MANAGEMENT_RULE.replace(
                        "matchLabels:\n              app.kubernetes.io/name: edge", "{}"))),
                "Deployment/api: admits every pod of the namespace to its management port 9081");
        assertCaught(check(change(GOOD, API_MANAGEMENT_RULE, API_MANAGEMENT_RULE.replace(
                        "- podSelector:\n            matchLabels:\n              app.kubernetes.io/name: edge", "- ipBlock:\n            cidr: 10.0.0.0/8"))),
                "Deployment/api: admits ipBlock 10.0.0.0/8 to its management port 9081; only the gateway and a labelled monitoring namespace");
        assertCaught(check(change(GOOD, API_MANAGEMENT_RULE, API_MANAGEMENT_RULE.replace("app.kubernetes.io/name: edge", "team: ops"))),
                "Deployment/api: admits pods {team=ops} to its management port 9081");
        // The reader, but on a port of another app: store's management port is read by nobody.
        String storeAdmitsEdge = change(GOOD, "  egress:\n    - ports:\n        - protocol: TCP\n          port: 5432\n",
                API_MANAGEMENT_RULE.replace("9081", "9082")
                        + "  egress:\n    - ports:\n        - protocol: TCP\n          port: 5432\n");
        assertCaught(check(storeAdmitsEdge), "Deployment/store: admits edge to its management port 9082, which does not read");
    }

    @Test
    void aReaderTheManagementPortDoesNotAdmitOrWhoseEgressDoesNotReachItIsCaught() {
        assertCaught(check(cut(GOOD, API_MANAGEMENT_RULE)),
                "Deployment/api: does not admit edge, which reads its API description, on its management port 9081");
        assertCaught(check(change(GOOD, "        - port: 8081\n        - port: 9081\n", "        - port: 8081\n")),
                "Deployment/edge: reads api's API description but its egress does not allow port 9081 to it");
    }

    @Test
    void egressToAManagementPortNotReadIsCaught() {
        assertCaught(check(change(GOOD, "      port: 5432\n", "      port: 5432\n        - protocol: TCP\n          port: 9081\n")),
                "Deployment/store: egress allows api's management port 9081, which it does not read");
    }

    @Test
    void onlyThePublicEntryMayReadManagementPorts() {
        assertCaught(check(change(GOOD, "STORE_URL: http://store:8082", "STORE_URL: http://store:8082\n  OPENAPI_STORE: http://store-management:9082/q/openapi")),
                "Deployment/api: reads the management port of store; only [edge] may");
    }

    @Test
    void matchExpressionsAreReported() {
        assertCaught(check(change(GOOD, "  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: store",
                        "  podSelector:\n    matchExpressions:\n      - { key: app.kubernetes.io/name, operator: In, values: [store] }")),
                "NetworkPolicy/store: uses matchExpressions");
    }

    @Test
    void portsAreReadFromConnectionSettings() {
        assertEquals(5432, NetworkPolicyChecker.portOf("jdbc:postgresql://pg.example.com:5432/lv_auth?sslmode=require", 1));
        assertEquals(6380, NetworkPolicyChecker.portOf("rediss://redis:6380", 1));
        assertEquals(9093, NetworkPolicyChecker.portOf("kafka-0:9093,kafka-1:9093", 1));
        assertEquals(6379, NetworkPolicyChecker.portOf("redis://redis", 6379));
    }

    private static List<String> check(String yaml) {
        return NetworkPolicyChecker.check(ManifestChecker.parse("inline", yaml), APPS, Set.of("edge"), 1000);
    }

    private static String change(String text, String from, String to) {
        String changed = text.replace(from, to);
        assertNotEquals(text, changed, "the test's mutation did not apply: " + from);
        return changed;
    }

    private static String cut(String text, String part) {
        return change(text, part, "");
    }

    private static void assertCaught(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected a violation containing \"" + expected + "\", got " + violations);
    }
}
