package dev.lectavera.deploy;

import dev.lectavera.deploy.ManifestChecker.Doc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's own deployment files: every YAML file under deploy/k8s and the root
 * docker-compose.yml, parsed and run through {@link ManifestChecker}. Surefire runs in deploy/,
 * so the repository root is "..".
 */
class DeploymentFilesTest {

    /** The six apps and the port each listens on (application.properties, Dockerfile.jvm). */
    static final Map<String, Integer> APPS = new LinkedHashMap<>();

    static {
        APPS.put("gateway", 8080);
        APPS.put("auth-service", 8081);
        APPS.put("document-service", 8082);
        APPS.put("study-service", 8083);
        APPS.put("quiz-service", 8084);
        APPS.put("analytics-service", 8085);
    }

    static Path root;
    static Path k8s;
    static List<Doc> k8sDocs;
    static Map<String, Object> compose;

    @BeforeAll
    static void load() {
        root = Path.of("..").toAbsolutePath().normalize();
        k8s = root.resolve("deploy/k8s");
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(k8s),
                "run from the deploy module (repository root expected at " + root + ")");
        k8sDocs = new ArrayList<>();
        for (Path file : ManifestChecker.yamlFiles(k8s)) {
            k8sDocs.addAll(ManifestChecker.parse(root.relativize(file).toString(),
                    read(file)));
        }
        List<Doc> composeDocs = ManifestChecker.parse("docker-compose.yml", read(root.resolve("docker-compose.yml")));
        assertEquals(1, composeDocs.size(), "docker-compose.yml holds one document");
        compose = composeDocs.getFirst().body();
    }

    @Test
    void everyYamlFileUnderK8sParsesIntoKubernetesObjects() {
        List<Path> files = ManifestChecker.yamlFiles(k8s);
        assertFalse(files.isEmpty(), "no YAML under deploy/k8s");
        for (Path file : files) {
            List<Doc> docs = ManifestChecker.parse(file.toString(), read(file));
            assertFalse(docs.isEmpty(), file + " has no document");
            for (Doc doc : docs) {
                assertFalse(ManifestChecker.str(doc.body().get("apiVersion")).isEmpty(), doc.id() + ": no apiVersion");
                assertFalse(doc.kind().isEmpty(), doc.source() + ": a document without kind");
                if (!doc.kind().equals("Kustomization")) {
                    assertFalse(doc.name().isEmpty(), doc.id() + ": no metadata.name");
                }
            }
        }
    }

    @Test
    void deploymentsHaveProbesResourcesAndServicesAndNoSecretCarriesValues() {
        assertNoViolations(ManifestChecker.checkKubernetes(k8sDocs));
    }

    @Test
    void everyAppHasItsDeploymentAndServiceOnItsPort() {
        assertNoViolations(ManifestChecker.checkAppPorts(k8sDocs, APPS));
    }

    @Test
    void kustomizationListsExactlyTheFilesOfItsFolder() {
        assertNoViolations(ManifestChecker.checkKustomization(k8s));
    }

    @Test
    void everySecretUsedIsDocumentedAsAKubectlCommand() {
        Set<String> secrets = ManifestChecker.referencedSecrets(k8sDocs);
        assertTrue(secrets.contains("auth-jwt-keys"), "auth-service mounts auth-jwt-keys: " + secrets);
        assertNoViolations(ManifestChecker.checkSecretsDocumented(secrets, read(root.resolve("deploy/README.md"))));
    }

    @Test
    void composeAppsAreBuiltFromTheirDockerfilesWithHealthchecks() {
        assertNoViolations(ManifestChecker.checkCompose(compose, root, APPS.keySet(), Set.of("gateway")));
    }

    @Test
    void urlsBetweenAppsUseTheRightPorts() {
        List<String> violations = new ArrayList<>();
        for (Doc doc : k8sDocs) {
            violations.addAll(ManifestChecker.checkAppUrls(doc.id(), doc.body(), APPS));
        }
        violations.addAll(ManifestChecker.checkAppUrls("docker-compose.yml", compose, APPS, true));
        assertNoViolations(violations);
    }

    @Test
    void networkPoliciesDenyByDefaultAndAdmitOnlyTheGatewayAndCallers() {
        assertNoViolations(NetworkPolicyChecker.check(k8sDocs, APPS, Set.of("gateway"), ManifestChecker.MANAGEMENT_OFFSET));
    }

    @Test
    void theCallGraphReadFromTheConfigMapsIsTheOneThePoliciesAreCheckedAgainst() {
        // Guards the check above: a call graph read as empty would let policies admit nobody and still pass.
        Map<String, Set<String>> callers = NetworkPolicyChecker.callers(ManifestChecker.workloads(k8sDocs));
        assertEquals(Map.of(
                "auth-service", Set.of("gateway", "document-service", "study-service", "quiz-service", "analytics-service"),
                "document-service", Set.of("gateway", "study-service", "quiz-service"),
                "study-service", Set.of("gateway"),
                "quiz-service", Set.of("gateway"),
                "analytics-service", Set.of("gateway")), callers);
    }

    @Test
    void probesAndScrapesUseTheManagementPortWhichOnlyItsManagementServiceRoutes() {
        assertNoViolations(ManifestChecker.checkManagementPorts(k8sDocs, APPS));
    }

    @Test
    void theGatewayReadsEachRoutesApiDescriptionThroughItsManagementService() {
        assertNoViolations(ManifestChecker.checkApiDescriptions(k8sDocs, APPS, "gateway"));
        // Guards the policy check: management readers read as empty would let the policies admit no one.
        Set<String> gatewayOnly = Set.of("gateway");
        assertEquals(Map.of("auth-service", gatewayOnly, "document-service", gatewayOnly, "study-service", gatewayOnly,
                        "quiz-service", gatewayOnly, "analytics-service", gatewayOnly),
                NetworkPolicyChecker.managementReaders(ManifestChecker.workloads(k8sDocs)));
    }

    @Test
    void redisPasswordAndKafkaCredentialsComeFromSecrets() {
        assertNoViolations(ManifestChecker.checkCredentials(k8sDocs));
        Set<String> secrets = ManifestChecker.referencedSecrets(k8sDocs);
        assertTrue(secrets.containsAll(Set.of("redis", "kafka-sasl")), "Redis and Kafka credentials: " + secrets);
    }

    @Test
    void theGatewayTrustsForwardedAddressesOnlyFromConfiguredProxies() {
        assertNoViolations(ManifestChecker.checkTrustedProxies(k8sDocs, "gateway", "GATEWAY_CLIENT_ADDRESS_TRUSTED_PROXIES"));
    }

    @Test
    void everyImageStartsAJvmThatExitsOnOutOfMemoryError() {
        assertNoViolations(ManifestChecker.checkDockerfiles(root, APPS.keySet()));
    }

    @Test
    void composeRestartsAppsChecksTheirManagementPortsAndProtectsRedis() {
        assertNoViolations(ManifestChecker.checkComposeOperations(compose, APPS));
    }

    @Test
    void everyServiceRunsTwoReplicasWithABudgetAndTheBusyOnesAutoscale() {
        assertNoViolations(ScalingChecker.check(k8sDocs, 2,
                Set.of("gateway", "document-service", "study-service", "quiz-service")));
        assertEquals(APPS.keySet(), Set.copyOf(ManifestChecker.workloads(k8sDocs).stream().map(ManifestChecker.Workload::name).toList()),
                "the scaling check saw every app");
    }

    @Test
    void documentServiceKeepsItsBlobsInAnS3CompatibleStore() {
        ManifestChecker.Workload documents = ManifestChecker.workloads(k8sDocs).stream()
                .filter(app -> app.name().equals("document-service")).findFirst().orElseThrow();
        assertEquals("s3", documents.settings().get("LECTAVERA_DOCUMENTS_BLOBS_STORE"));
        assertFalse(ManifestChecker.str(documents.settings().get("LECTAVERA_DOCUMENTS_BLOBS_S3_BUCKET")).isEmpty());
        for (String key : List.of("LECTAVERA_DOCUMENTS_BLOBS_S3_ACCESS_KEY_ID", "LECTAVERA_DOCUMENTS_BLOBS_S3_SECRET_ACCESS_KEY")) {
            Map<String, Object> entry = documents.env().get(key);
            assertTrue(entry != null && !ManifestChecker.map(ManifestChecker.map(entry.get("valueFrom")).get("secretKeyRef")).isEmpty(),
                    key + " comes from a Secret");
        }
        assertTrue(k8sDocs.stream().noneMatch(doc -> doc.kind().equals("PersistentVolumeClaim")), "no volume claim is left");

        Map<String, Object> services = ManifestChecker.map(compose.get("services"));
        Map<String, Object> composed = ManifestChecker.map(services.get("document-service"));
        Map<String, Object> environment = ManifestChecker.map(composed.get("environment"));
        assertEquals("s3", environment.get("LECTAVERA_DOCUMENTS_BLOBS_STORE"));
        String endpoint = ManifestChecker.str(environment.get("LECTAVERA_DOCUMENTS_BLOBS_S3_ENDPOINT"));
        String host = endpoint.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
        assertTrue(services.containsKey(host), "compose runs the S3-compatible store " + endpoint + " as a service");
        assertTrue(ManifestChecker.map(composed.get("depends_on")).containsKey(host), "document-service waits for " + host);
        assertEquals(null, composed.get("volumes"), "document-service mounts no volume in compose");
    }

    @Test
    void composeServesTheWebClientFromTheGateway() throws IOException {
        // one public entry: the gateway serves the built app on / (as ./lectavera start does), no proxy in front of it
        Map<String, Object> services = ManifestChecker.map(compose.get("services"));
        Map<String, Object> gateway = ManifestChecker.map(services.get("gateway"));
        String directory = ManifestChecker.str(ManifestChecker.map(gateway.get("environment")).get("GATEWAY_WEB_DIRECTORY"));
        assertFalse(directory.isBlank(), "the gateway is told where the web client is");
        String mount = ((List<?>) gateway.get("volumes")).stream().map(String::valueOf)
                .filter(volume -> volume.contains(":" + directory)).findFirst().orElse("");
        assertTrue(mount.endsWith(":" + directory + ":ro"), "the gateway mounts the web client read-only at " + directory);
        String volume = mount.substring(0, mount.indexOf(':'));
        assertTrue(ManifestChecker.map(compose.get("volumes")).containsKey(volume), volume + " is a named volume");

        Map<String, Object> builder = ManifestChecker.map(services.get("web"));
        Map<String, Object> build = ManifestChecker.map(builder.get("build"));
        Path dockerfile = root.resolve(ManifestChecker.str(build.get("context"))).resolve(ManifestChecker.str(build.get("dockerfile")));
        assertTrue(Files.readString(dockerfile).contains(" AS " + build.get("target")),
                "the web builder runs a stage of " + dockerfile);
        assertTrue(((List<?>) builder.get("volumes")).stream().map(String::valueOf)
                .anyMatch(v -> v.startsWith(volume + ":") && !v.endsWith(":ro")), "the web builder writes " + volume);
        assertEquals("no", builder.get("restart"), "the web builder runs once");
        assertEquals("service_completed_successfully",
                ManifestChecker.map(ManifestChecker.map(gateway.get("depends_on")).get("web")).get("condition"),
                "the gateway starts once the web client is built");
        assertEquals(null, builder.get("ports"), "the web builder publishes nothing");
    }

    static void assertNoViolations(List<String> violations) {
        assertTrue(violations.isEmpty(), () -> violations.size() + " problem(s):\n  " + String.join("\n  ", violations));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
