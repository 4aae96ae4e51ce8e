package dev.lectavera.deploy;

import dev.lectavera.deploy.ManifestChecker.Doc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checker itself: a small good manifest passes, and each kind of breakage in it is caught.
 * Without these, a checker that silently found nothing would pass the repository's files too.
 */
class ManifestCheckerTest {

    static final String GOOD = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: demo-config
            data:
              KAFKA_BOOTSTRAP_SERVERS: kafka:9092
              KAFKA_SECURITY_PROTOCOL: PLAINTEXT
              QUARKUS_REDIS_HOSTS: redis://redis:6379
              QUARKUS_SHUTDOWN_DELAY: 5s
              QUARKUS_SHUTDOWN_TIMEOUT: 25s
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: demo
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: demo
                    app.kubernetes.io/part-of: lectavera
                  annotations:
                    prometheus.io/scrape: "true"
                    prometheus.io/port: "9081"
                spec:
                  terminationGracePeriodSeconds: 40
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: demo
                      image: demo
                      ports:
                        - name: http
                          containerPort: 8081
                        - name: management
                          containerPort: 9081
                      envFrom:
                        - configMapRef:
                            name: demo-config
                      env:
                        - name: QUARKUS_REDIS_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: redis
                              key: password
                        - name: KAFKA_SASL_JAAS_CONFIG
                          valueFrom:
                            secretKeyRef:
                              name: kafka-sasl
                              key: jaas-config
                              optional: true
                      startupProbe:
                        httpGet:
                          path: /q/health/started
                          port: management
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: management
                      livenessProbe:
                        httpGet:
                          path: /q/health/live
                          port: 9081
                      resources:
                        requests:
                          cpu: 250m
                          memory: 512Mi
                        limits:
                          cpu: "1"
                          memory: 512Mi
                      volumeMounts:
                        - name: data
                          mountPath: /data
                  volumes:
                    - name: data
                      persistentVolumeClaim:
                        claimName: demo-data
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: demo-data
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: demo
            spec:
              selector:
                app.kubernetes.io/name: demo
              ports:
                - name: http
                  port: 8081
                  targetPort: http
            """;

    /** GOOD's management port routed the one allowed way, for the gateway's API description. */
    static final String MANAGEMENT_SERVICE = """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: demo-management
            spec:
              selector:
                app.kubernetes.io/name: demo
              ports:
                - name: management
                  port: 9081
                  targetPort: management
            """;

    /** A gateway whose one route proxies to demo and reads its API description through demo-management. */
    static final String GATEWAY = """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: gateway-config
            data:
              GATEWAY_ROUTES_DEMO_UPSTREAM: http://demo:8081
              GATEWAY_ROUTES_DEMO_OPENAPI: http://demo-management:9081/q/openapi?format=json
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gateway
            spec:
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: gateway
                spec:
                  containers:
                    - name: gateway
                      envFrom:
                        - configMapRef:
                            name: gateway-config
            """;

    static final String WITH_API_DESCRIPTION = GOOD + MANAGEMENT_SERVICE + GATEWAY;

    // ------------------------------------------------------------------ parsing

    @Test
    void parsesEveryDocumentOfAStreamAndSkipsEmptyOnes() {
        List<Doc> docs = ManifestChecker.parse("inline", GOOD + "---\n---\n");
        assertEquals(List.of("ConfigMap", "Deployment", "PersistentVolumeClaim", "Service"),
                docs.stream().map(Doc::kind).toList());
    }

    @Test
    void invalidYamlNamesTheFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ManifestChecker.parse("broken.yaml", "kind: Service\nspec: [1\n"));
        assertTrue(e.getMessage().startsWith("broken.yaml: not valid YAML"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ManifestChecker.parse("list.yaml", "- a\n- b\n"));
    }

    @Test
    void theGoodManifestPasses() {
        assertEquals(List.of(), kubernetes(GOOD));
        List<Doc> docs = ManifestChecker.parse("inline", GOOD);
        assertEquals(List.of(), ManifestChecker.checkManagementPorts(docs, Map.of("demo", 8081)));
        assertEquals(List.of(), ManifestChecker.checkCredentials(docs));
        assertEquals(List.of(), ManifestChecker.checkAppPorts(ManifestChecker.parse("inline", GOOD), Map.of("demo", 8081)));
    }

    // ------------------------------------------------------------------ Deployments

    @Test
    void aMissingProbeIsCaught() {
        String broken = cut(GOOD, """
                          readinessProbe:
                            httpGet:
                              path: /q/health/ready
                              port: management
                """);
        assertCaught(kubernetes(broken), "lacks readinessProbe");
    }

    @Test
    void aProbeOnAnotherPathIsCaught() {
        assertCaught(kubernetes(change(GOOD, "path: /q/health/live", "path: /healthz")), "livenessProbe path '/healthz' is not /q/health/live");
        assertCaught(kubernetes(change(GOOD, "path: /q/health/started", "path: /q/health/live")), "startupProbe path '/q/health/live'");
    }

    @Test
    void aProbeThatIsNotHttpGetIsCaught() {
        String broken = change(GOOD, """
                          startupProbe:
                            httpGet:
                              path: /q/health/started
                              port: management
                """, """
                          startupProbe:
                            tcpSocket:
                              port: management
                """);
        assertCaught(kubernetes(broken), "startupProbe is not an httpGet probe");
    }

    @Test
    void aProbeOnAPortTheContainerDoesNotOpenIsCaught() {
        assertCaught(kubernetes(change(GOOD, "port: 9081\n", "port: 9000\n")), "livenessProbe port '9000' is not a container port");
    }

    @Test
    void missingResourceRequestsOrLimitsAreCaught() {
        assertCaught(kubernetes(cut(GOOD, "              cpu: \"1\"\n")), "lacks resources.limits.cpu");
        assertCaught(kubernetes(change(GOOD, "memory: 512Mi\n            limits:", "cpuShares: 2\n            limits:")),
                "lacks resources.requests.memory");
        String noResources = cut(GOOD, """
                          resources:
                            requests:
                              cpu: 250m
                              memory: 512Mi
                            limits:
                              cpu: "1"
                              memory: 512Mi
                """);
        List<String> violations = kubernetes(noResources);
        for (String missing : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            assertCaught(violations, "lacks resources." + missing);
        }
    }

    @Test
    void aDeploymentWithoutAMatchingServiceIsCaught() {
        String otherSelector = change(GOOD, "  selector:\n    app.kubernetes.io/name: demo\n  ports:",
                "  selector:\n    app.kubernetes.io/name: other\n  ports:");
        assertCaught(kubernetes(otherSelector), "no Service selects its pods");
        assertCaught(kubernetes(change(GOOD, "targetPort: http", "targetPort: 9999")), "no Service selects its pods");
        String noService = GOOD.substring(0, GOOD.lastIndexOf("---"));
        assertCaught(kubernetes(noService), "no Service selects its pods");
    }

    @Test
    void aSelectorThatMissesThePodLabelsIsCaught() {
        String broken = change(GOOD, "matchLabels:\n      app.kubernetes.io/name: demo\n",
                "matchLabels:\n      app.kubernetes.io/name: demo-v2\n");
        assertCaught(kubernetes(broken), "selector.matchLabels is empty or does not match");
    }

    @Test
    void aContainerThatMayRunAsRootIsCaught() {
        assertCaught(kubernetes(change(GOOD, "runAsNonRoot: true", "runAsNonRoot: false")), "runAsNonRoot: true");
    }

    @Test
    void anUndefinedConfigMapOrClaimIsCaught() {
        assertCaught(kubernetes(change(GOOD, "configMapRef:\n                name: demo-config", "configMapRef:\n                name: typo-config")),
                "envFrom ConfigMap 'typo-config' is not defined");
        assertCaught(kubernetes(change(GOOD, "claimName: demo-data", "claimName: demo-blobs")),
                "PersistentVolumeClaim 'demo-blobs' which is not defined");
    }

    @Test
    void aDeploymentWithoutConfigMapIsCaught() {
        String broken = cut(GOOD, """
                          envFrom:
                            - configMapRef:
                                name: demo-config
                """);
        assertCaught(kubernetes(broken), "no configuration through envFrom.configMapRef");
    }

    @Test
    void aPodKilledBeforeItsGracefulShutdownEndsIsCaught() {
        assertCaught(kubernetes(cut(GOOD, "  QUARKUS_SHUTDOWN_DELAY: 5s\n")),
                "does not set QUARKUS_SHUTDOWN_DELAY");
        assertCaught(kubernetes(change(GOOD, "QUARKUS_SHUTDOWN_TIMEOUT: 25s", "QUARKUS_SHUTDOWN_TIMEOUT: PT25S")),
                "QUARKUS_SHUTDOWN_TIMEOUT 'PT25S' is not whole seconds");
        assertCaught(kubernetes(change(GOOD, "terminationGracePeriodSeconds: 40", "terminationGracePeriodSeconds: 30")),
                "terminationGracePeriodSeconds 30 is shorter than the shutdown delay and timeout (30 s)");
        // Kubernetes' default grace (30 s) when the pod spec does not say
        assertCaught(kubernetes(cut(GOOD, "      terminationGracePeriodSeconds: 40\n")), "terminationGracePeriodSeconds 30");
    }

    @Test
    void theWrongAppPortIsCaught() {
        List<Doc> docs = ManifestChecker.parse("inline", GOOD);
        assertCaught(ManifestChecker.checkAppPorts(docs, Map.of("demo", 8082)), "no container port 8082");
        assertCaught(ManifestChecker.checkAppPorts(docs, Map.of("demo", 8082)), "does not expose port 8082");
        assertCaught(ManifestChecker.checkAppPorts(docs, Map.of("missing", 8080)), "no Deployment 'missing'");
    }

    @Test
    void aUrlToAnAppOnTheWrongPortIsCaught() {
        Map<String, Object> tree = Map.of("data", Map.of("UPSTREAM", "http://auth-service:8082", "OK", "http://auth-service:8081/x"));
        List<String> violations = ManifestChecker.checkAppUrls("inline", tree, Map.of("auth-service", 8081));
        assertEquals(1, violations.size(), violations.toString());
        assertCaught(violations, "'http://auth-service:8082' but auth-service listens on 8081");
    }

    @Test
    void managementUrlsGoThroughTheManagementServiceOrInComposeToAQPathOnTheAppsHost() {
        Map<String, Integer> auth = Map.of("auth-service", 8081);
        String throughService = "http://auth-service-management:9081/q/openapi?format=json";
        String onAppHost = "http://auth-service:9081/q/openapi?format=json";
        assertEquals(List.of(), ManifestChecker.checkAppUrls("k8s", Map.of("OPENAPI", throughService), auth));
        assertEquals(List.of(), ManifestChecker.checkAppUrls("compose", Map.of("OPENAPI", onAppHost), auth, true));

        assertCaught(ManifestChecker.checkAppUrls("k8s", Map.of("OPENAPI", onAppHost), auth),
                "'http://auth-service:9081' but auth-service listens on 8081");
        assertCaught(ManifestChecker.checkAppUrls("compose", Map.of("X", "http://auth-service:9081/api/v1/auth"), auth, true),
                "'http://auth-service:9081' but auth-service listens on 8081 (and on 9081 for /q/ paths)");
        assertCaught(ManifestChecker.checkAppUrls("k8s", Map.of("X", "http://auth-service-management:8081/q/openapi"), auth),
                "auth-service-management serves only /q/ paths on 9081");
        assertCaught(ManifestChecker.checkAppUrls("k8s", Map.of("X", "http://auth-service-management:9081/api/v1/auth"), auth),
                "auth-service-management serves only /q/ paths on 9081");
        assertCaught(ManifestChecker.checkAppUrls("compose", Map.of("OPENAPI", throughService), auth, true),
                "there is no host auth-service-management here; use auth-service:9081");
    }

    // ------------------------------------------------------------------ Secrets

    @Test
    void aSecretWithValuesIsCaught() {
        String withData = GOOD + """
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: leaked
                data:
                  password: c2VjcmV0
                """;
        assertCaught(kubernetes(withData), "Secret/leaked: a Secret with values is committed");
        assertCaught(kubernetes(withData.replace("data:\n  password: c2VjcmV0", "stringData:\n  password: secret")),
                "a Secret with values is committed");
    }

    @Test
    void anUndocumentedSecretIsCaught() {
        String withSecret = change(GOOD, "          env:\n", """
                          env:
                            - name: QUARKUS_DATASOURCE_PASSWORD
                              valueFrom:
                                secretKeyRef:
                                  name: demo-db
                                  key: password
                """);
        assertEquals(Set.of("redis", "kafka-sasl", "demo-db"), ManifestChecker.referencedSecrets(ManifestChecker.parse("inline", withSecret)));
        Set<String> secrets = Set.of("demo-db");
        assertEquals(List.of(), ManifestChecker.checkSecretsDocumented(secrets,
                "kubectl -n $NS create secret generic demo-db --from-literal=password=x"));
        assertCaught(ManifestChecker.checkSecretsDocumented(secrets, "create it somehow"), "Secret 'demo-db' is used");
        assertCaught(ManifestChecker.checkSecretsDocumented(secrets, "kubectl create secret generic demo-db-old"), "Secret 'demo-db' is used");
    }

    // ------------------------------------------------------------------ management port

    @Test
    void aProbeOrScrapeOnThePublicPortIsCaught() {
        assertCaught(management(change(GOOD, "path: /q/health/ready\n              port: management",
                "path: /q/health/ready\n              port: http")), "readinessProbe calls port 'http', not the management port 9081");
        assertCaught(management(change(GOOD, "port: 9081\n", "port: 8081\n")), "livenessProbe calls port '8081'");
        assertCaught(management(change(GOOD, "prometheus.io/port: \"9081\"", "prometheus.io/port: \"8081\"")),
                "prometheus.io/port '8081' is not the management port 9081");
    }

    @Test
    void aMissingOrMisplacedManagementPortIsCaught() {
        assertCaught(management(change(GOOD, "containerPort: 9081", "containerPort: 9181")), "no container port named 'management' on 9081");
        assertCaught(management(change(GOOD, "- name: management\n", "- name: admin\n")), "no container port named 'management' on 9081");
    }

    @Test
    void aServiceRoutingTheManagementPortIsCaught() {
        String routed = change(GOOD, "      targetPort: http\n",
                "      targetPort: http\n    - name: management\n      port: 9081\n      targetPort: management\n");
        assertCaught(management(routed), "Service/demo: routes the management port 9081 of demo");
        assertCaught(management(change(GOOD + MANAGEMENT_SERVICE, "name: demo-management", "name: demo-admin")),
                "Service/demo-admin: routes the management port 9081 of demo; operator endpoints are reachable through no Service but demo-management");
    }

    @Test
    void theManagementServiceMayRouteTheManagementPortAndNothingElse() {
        assertEquals(List.of(), management(GOOD + MANAGEMENT_SERVICE));
        assertEquals(List.of(), kubernetes(GOOD + MANAGEMENT_SERVICE));
        String alsoHttp = GOOD + change(MANAGEMENT_SERVICE, "      targetPort: management\n",
                "      targetPort: management\n    - name: http\n      port: 8081\n      targetPort: http\n");
        assertCaught(management(alsoHttp), "Service/demo-management: routes port 'http' of demo besides the management port 9081");
        assertCaught(management(GOOD + change(MANAGEMENT_SERVICE, "- name: management", "- name: admin")),
                "Service/demo-management: its port must be named 'management' and be 9081");
        assertCaught(management(GOOD + change(MANAGEMENT_SERVICE, "port: 9081", "port: 80")),
                "Service/demo-management: its port must be named 'management' and be 9081, not 'management' 80");
    }

    // ------------------------------------------------------------------ the gateway's API descriptions

    @Test
    void theGatewayReadingEachRoutesApiDescriptionThroughItsManagementServicePasses() {
        assertEquals(List.of(), apiDescriptions(WITH_API_DESCRIPTION));
        assertEquals(List.of(), management(WITH_API_DESCRIPTION));
    }

    @Test
    void aRouteWithoutItsOpenapiUrlOrWithAnotherOneIsCaught() {
        assertCaught(apiDescriptions(cut(WITH_API_DESCRIPTION, "  GATEWAY_ROUTES_DEMO_OPENAPI: http://demo-management:9081/q/openapi?format=json\n")),
                "Deployment/gateway: route DEMO proxies to demo but sets no GATEWAY_ROUTES_DEMO_OPENAPI");
        // The default (the upstream's host, port + 1000): the public Service does not route that port.
        assertCaught(apiDescriptions(change(WITH_API_DESCRIPTION, "http://demo-management:9081/q/", "http://demo:9081/q/")),
                "GATEWAY_ROUTES_DEMO_OPENAPI is 'http://demo:9081/q/openapi?format=json', not demo's management Service");
        assertCaught(apiDescriptions(change(WITH_API_DESCRIPTION, "http://demo-management:9081/q/openapi?format=json", "none")),
                "GATEWAY_ROUTES_DEMO_OPENAPI is 'none'");
        assertCaught(apiDescriptions(change(WITH_API_DESCRIPTION, "demo-management:9081", "demo-management:8081")),
                "GATEWAY_ROUTES_DEMO_OPENAPI is 'http://demo-management:8081/q/openapi?format=json'");
    }

    @Test
    void aMissingOrMisroutedManagementServiceIsCaught() {
        assertCaught(apiDescriptions(GOOD + GATEWAY), "no Service 'demo-management'");
        assertCaught(apiDescriptions(change(WITH_API_DESCRIPTION, "      targetPort: management\n", "      targetPort: http\n")),
                "Service/demo-management: does not route port 9081 to demo's management port");
        assertCaught(apiDescriptions(change(WITH_API_DESCRIPTION, "  selector:\n    app.kubernetes.io/name: demo\n  ports:\n    - name: management",
                        "  selector:\n    app.kubernetes.io/name: other\n  ports:\n    - name: management")),
                "Service/demo-management: does not route port 9081");
    }

    @Test
    void aGatewayWithoutRoutesToTheAppsIsCaught() {
        assertCaught(ManifestChecker.checkApiDescriptions(ManifestChecker.parse("inline", GOOD), Map.of("demo", 8081), "gateway"),
                "no Deployment 'gateway'");
        assertCaught(apiDescriptions(change(WITH_API_DESCRIPTION, "http://demo:8081", "http://elsewhere:8081")),
                "no GATEWAY_ROUTES_<NAME>_UPSTREAM to any app");
    }

    // ------------------------------------------------------------------ credentials

    @Test
    void redisWithoutAPasswordFromARequiredSecretIsCaught() {
        String noPassword = cut(GOOD, "            - name: QUARKUS_REDIS_PASSWORD\n              valueFrom:\n"
                + "                secretKeyRef:\n                  name: redis\n                  key: password\n");
        assertCaught(credentials(noPassword), "uses Redis but takes no QUARKUS_REDIS_PASSWORD from a Secret");
        assertCaught(credentials(change(GOOD, "name: redis\n                  key: password\n",
                "name: redis\n                  key: password\n                  optional: true\n")),
                "QUARKUS_REDIS_PASSWORD's Secret is optional");
        String literal = change(noPassword, "          env:\n", "          env:\n            - name: QUARKUS_REDIS_PASSWORD\n              value: hunter2\n");
        assertCaught(credentials(literal), "env QUARKUS_REDIS_PASSWORD is a literal value");
        assertCaught(credentials(change(GOOD, "redis://redis:6379", "redis://:hunter2@redis:6379")),
                "QUARKUS_REDIS_HOSTS carries a password in its URL");
    }

    @Test
    void kafkaWithoutSecuritySettingsIsCaught() {
        assertCaught(credentials(cut(GOOD, "  KAFKA_SECURITY_PROTOCOL: PLAINTEXT\n")), "does not set KAFKA_SECURITY_PROTOCOL");
        assertCaught(credentials(change(GOOD, "- name: KAFKA_SASL_JAAS_CONFIG", "- name: KAFKA_SASL_JAAS")),
                "takes no KAFKA_SASL_JAAS_CONFIG from a Secret");
        assertCaught(credentials(change(GOOD, "  KAFKA_SECURITY_PROTOCOL: PLAINTEXT\n",
                        "  KAFKA_SECURITY_PROTOCOL: SASL_SSL\n  KAFKA_SASL_JAAS_CONFIG: ScramLoginModule required;\n")),
                "ConfigMap/demo-config: holds the credential KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void trustedProxiesMustBeAListOfNarrowCidrs() {
        String withProxies = change(GOOD, "  QUARKUS_SHUTDOWN_DELAY: 5s\n", "  TRUSTED: 10.244.0.0/16, fd00::/8\n  QUARKUS_SHUTDOWN_DELAY: 5s\n");
        assertEquals(List.of(), proxies(withProxies));
        assertCaught(proxies(GOOD), "does not set TRUSTED");
        assertCaught(proxies(change(withProxies, "10.244.0.0/16", "0.0.0.0/0")), "trusts every address (0.0.0.0/0)");
        assertCaught(proxies(change(withProxies, "10.244.0.0/16", "ingress-nginx")), "entry 'ingress-nginx' is not a CIDR");
    }

    // ------------------------------------------------------------------ images

    @Test
    void aJvmThatSurvivesOutOfMemoryIsCaught(@TempDir Path root) throws IOException {
        Path docker = Files.createDirectories(root.resolve("demo/src/main/docker"));
        Files.writeString(docker.resolve("Dockerfile.jvm"), """
                FROM eclipse-temurin:21-jre
                ENV JAVA_OPTS_APPEND='-XX:MaxRAMPercentage=75'
                ENTRYPOINT ["sh", "-c", "exec java -XX:+ExitOnOutOfMemoryError $JAVA_OPTS_APPEND -jar quarkus-run.jar"]
                """);
        assertEquals(List.of(), ManifestChecker.checkDockerfiles(root, List.of("demo")));

        // in an environment variable only: an operator's own JAVA_OPTS_APPEND would drop it
        Files.writeString(docker.resolve("Dockerfile.jvm"), """
                FROM eclipse-temurin:21-jre
                ENV JAVA_OPTS_APPEND='-XX:+ExitOnOutOfMemoryError'
                ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar quarkus-run.jar"]
                """);
        assertCaught(ManifestChecker.checkDockerfiles(root, List.of("demo")), "the java command lacks -XX:+ExitOnOutOfMemoryError");
        Files.writeString(docker.resolve("Dockerfile.native"), "FROM scratch\nENTRYPOINT [\"./application\"]\n");
        assertCaught(ManifestChecker.checkDockerfiles(root, List.of("demo")), "Dockerfile.native: no ENTRYPOINT or CMD that runs java");
        assertCaught(ManifestChecker.checkDockerfiles(root, List.of("other")), "other: no Dockerfile");
    }

    // ------------------------------------------------------------------ compose operations

    static final String COMPOSE_OPERATIONS = """
            x-env: &env
              QUARKUS_REDIS_HOSTS: redis://redis:6379
              QUARKUS_REDIS_PASSWORD: ${REDIS_PASSWORD:-local-only}
            services:
              redis:
                image: redis:7
                command: ["redis-server", "--requirepass", "${REDIS_PASSWORD:-local-only}"]
              app:
                restart: unless-stopped
                environment:
                  <<: *env
                  EXTRA: "1"
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:9081/q/health/ready"]
            """;

    @Test
    void composeOperationsPass() {
        assertEquals(List.of(), composeOperations(COMPOSE_OPERATIONS));
    }

    @Test
    void composeAppsThatStayDeadOrAreCheckedOnThePublicPortAreCaught() {
        assertCaught(composeOperations(cut(COMPOSE_OPERATIONS, "    restart: unless-stopped\n")), "service 'app': restart ''");
        assertCaught(composeOperations(change(COMPOSE_OPERATIONS, "restart: unless-stopped", "restart: \"no\"")), "service 'app': restart 'no'");
        assertCaught(composeOperations(change(COMPOSE_OPERATIONS, "localhost:9081", "localhost:8081")),
                "service 'app': healthcheck does not call the management port 9081");
    }

    @Test
    void composeRedisWithoutPasswordIsCaught() {
        assertCaught(composeOperations(change(COMPOSE_OPERATIONS, "\"--requirepass\", \"${REDIS_PASSWORD:-local-only}\"", "\"--save\", \"\"")),
                "service 'redis': runs without --requirepass");
        // the merged anchor is what the app sees
        assertCaught(composeOperations(cut(COMPOSE_OPERATIONS, "  QUARKUS_REDIS_PASSWORD: ${REDIS_PASSWORD:-local-only}\n")),
                "service 'app': uses Redis without QUARKUS_REDIS_PASSWORD");
    }

    // ------------------------------------------------------------------ kustomize

    @Test
    void aKustomizationOutOfStepWithItsFolderIsCaught(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "kind: ConfigMap\n");
        Files.writeString(dir.resolve("b.yml"), "kind: ConfigMap\n");
        Files.writeString(dir.resolve("notes.md"), "not a manifest");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - a.yaml\n  - b.yml\n");
        assertEquals(List.of(), ManifestChecker.checkKustomization(dir));

        Files.writeString(dir.resolve("c.yaml"), "kind: ConfigMap\n");
        assertCaught(ManifestChecker.checkKustomization(dir), "does not list 'c.yaml'");

        Files.delete(dir.resolve("c.yaml"));
        Files.delete(dir.resolve("b.yml"));
        assertCaught(ManifestChecker.checkKustomization(dir), "lists 'b.yml' which does not exist");
    }

    @Test
    void unlistedFoldersAndBrokenSubKustomizationsAreCaught(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - sub\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/x.yaml"), "kind: ConfigMap\n");
        assertCaught(ManifestChecker.checkKustomization(dir), "no kustomization.yaml");

        Files.writeString(dir.resolve("sub/kustomization.yaml"), "resources:\n  - x.yaml\n");
        assertEquals(List.of(), ManifestChecker.checkKustomization(dir));

        Files.createDirectories(dir.resolve("extra"));
        Files.writeString(dir.resolve("extra/y.yaml"), "kind: ConfigMap\n");
        assertCaught(ManifestChecker.checkKustomization(dir), "does not list 'extra'");
    }

    // ------------------------------------------------------------------ docker compose

    static final String COMPOSE = """
            x-health: &health
              interval: 10s
            services:
              db:
                image: postgres:15
                healthcheck:
                  test: ["CMD", "pg_isready"]
              app:
                build:
                  context: ./app
                  dockerfile: src/main/docker/Dockerfile.jvm
                depends_on:
                  db:
                    condition: service_healthy
                healthcheck:
                  <<: *health
                  test: ["CMD", "curl", "-f", "http://localhost:8081/q/health/ready"]
              edge:
                build: ./edge
                ports: ["8080:8080"]
                depends_on: [app]
                healthcheck:
                  test: curl -f http://localhost:8080/q/health/ready
            """;

    @Test
    void aComposeFileWithBuildsAndHealthchecksPasses(@TempDir Path root) throws IOException {
        dockerfiles(root);
        assertEquals(List.of(), compose(COMPOSE, root));
    }

    @Test
    void aComposeAppWithoutHealthcheckIsCaught(@TempDir Path root) throws IOException {
        dockerfiles(root);
        String broken = cut(COMPOSE, "    healthcheck:\n      test: curl -f http://localhost:8080/q/health/ready\n");
        assertCaught(compose(broken, root), "service 'edge': no healthcheck");
        assertCaught(compose(change(COMPOSE, "test: [\"CMD\", \"curl\"", "disable: true\n      test: [\"CMD\", \"curl\""), root),
                "service 'app': no healthcheck");
    }

    @Test
    void aComposeBuildWithoutAnExistingDockerfileIsCaught(@TempDir Path root) throws IOException {
        dockerfiles(root);
        assertCaught(compose(change(COMPOSE, "dockerfile: src/main/docker/Dockerfile.jvm", "dockerfile: Dockerfile.native"), root),
                "service 'app': build Dockerfile");
        assertCaught(compose(change(COMPOSE, "build: ./edge", "build: ./edg"), root), "service 'edge': build Dockerfile");
        assertCaught(compose(change(COMPOSE, "build: ./edge", "image: edge"), root), "service 'edge': no build");
        assertCaught(compose(change(COMPOSE, "  edge:", "  edge-renamed:"), root), "no service 'edge'");
    }

    @Test
    void badDependenciesAndExtraPublishedPortsAreCaught(@TempDir Path root) throws IOException {
        dockerfiles(root);
        String dbWithoutHealthcheck = cut(COMPOSE, "    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n");
        assertCaught(compose(dbWithoutHealthcheck, root), "waits for 'db' to be healthy, but it has no healthcheck");
        assertCaught(compose(change(COMPOSE, "depends_on: [app]", "depends_on: [ap]"), root), "depends on unknown service 'ap'");
        assertCaught(compose(change(COMPOSE, "image: postgres:15", "image: postgres:15\n    ports: [\"5432:5432\"]"), root),
                "service 'db': publishes ports");
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> kubernetes(String yaml) {
        return ManifestChecker.checkKubernetes(ManifestChecker.parse("inline", yaml));
    }

    private static List<String> management(String yaml) {
        return ManifestChecker.checkManagementPorts(ManifestChecker.parse("inline", yaml), Map.of("demo", 8081));
    }

    private static List<String> apiDescriptions(String yaml) {
        return ManifestChecker.checkApiDescriptions(ManifestChecker.parse("inline", yaml), Map.of("demo", 8081), "gateway");
    }

    private static List<String> credentials(String yaml) {
        return ManifestChecker.checkCredentials(ManifestChecker.parse("inline", yaml));
    }

    private static List<String> proxies(String yaml) {
        return ManifestChecker.checkTrustedProxies(ManifestChecker.parse("inline", yaml), "demo", "TRUSTED");
    }

    private static List<String> composeOperations(String yaml) {
        return ManifestChecker.checkComposeOperations(ManifestChecker.parse("compose", yaml).getFirst().body(), Map.of("app", 8081));
    }

    private static List<String> compose(String yaml, Path root) {
        Map<String, Object> body = ManifestChecker.parse("compose", yaml).getFirst().body();
        return ManifestChecker.checkCompose(body, root, List.of("app", "edge"), Set.of("edge"));
    }

    private static void dockerfiles(Path root) throws IOException {
        Files.createDirectories(root.resolve("app/src/main/docker"));
        Files.writeString(root.resolve("app/src/main/docker/Dockerfile.jvm"), "FROM scratch\n");
        Files.createDirectories(root.resolve("edge"));
        Files.writeString(root.resolve("edge/Dockerfile"), "FROM scratch\n");
    }

    /** Replaces text that must be there, so a mutation can never silently do nothing. */
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
