package dev.lectavera.system;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the six services once per test JVM as real processes (their built jars) on free ports,
 * wired to each other and to the dev/stack PostgreSQL, Redis and Kafka, and stops them when the
 * JVM's tests are done. Tests get a {@link Running} handle and talk to the gateway only.
 */
public class LectaVeraSystem implements BeforeAllCallback, ParameterResolver {

    /** name → module directory; the gateway starts last, once its upstreams are up. */
    private static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("auth", "auth-service");
        MODULES.put("document", "document-service");
        MODULES.put("study", "study-service");
        MODULES.put("quiz", "quiz-service");
        MODULES.put("analytics", "analytics-service");
        MODULES.put("gateway", "gateway");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    /** The started system; closed by JUnit at the end of the run. */
    public static final class Running implements ExtensionContext.Store.CloseableResource {
        private final Map<String, Integer> ports;
        private final List<Process> processes;
        private final Path logs;

        private Running(Map<String, Integer> ports, List<Process> processes, Path logs) {
            this.ports = ports;
            this.processes = processes;
            this.logs = logs;
        }

        public URI gateway() {
            return URI.create("http://127.0.0.1:" + ports.get("gateway"));
        }

        public URI service(String name) {
            return URI.create("http://127.0.0.1:" + ports.get(name));
        }

        public Path log(String name) {
            return logs.resolve(name + ".log");
        }

        static Running start() {
            Path root = Path.of(System.getProperty("lectavera.root", "..")).toAbsolutePath().normalize();
            Path work = root.resolve("system-tests/target/system");
            Path logs = work.resolve("logs");
            try {
                Files.createDirectories(logs);
                Files.createDirectories(work.resolve("blobs"));
                Path signingKey = writeSigningKey(work);
                Map<String, Integer> ports = new LinkedHashMap<>();
                MODULES.keySet().forEach(name -> ports.put(name, freePort()));
                List<Process> processes = new ArrayList<>();
                Running running = new Running(ports, processes, logs);
                Runtime.getRuntime().addShutdownHook(new Thread(running::close));
                for (Map.Entry<String, String> module : MODULES.entrySet()) {
                    String name = module.getKey();
                    Path jar = root.resolve(module.getValue()).resolve("target/quarkus-app/quarkus-run.jar");
                    if (!Files.isRegularFile(jar)) {
                        throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify builds them before this module)");
                    }
                    ProcessBuilder pb = new ProcessBuilder(javaCommand(), "-Xmx512m", "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", jar.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(logs.resolve(name + ".log").toFile());
                    pb.environment().putAll(environment(name, ports, signingKey, work));
                    processes.add(pb.start());
                }
                for (String name : MODULES.keySet()) {
                    awaitReady(name, ports.get(name), logs);
                }
                return running;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Map<String, String> environment(String name, Map<String, Integer> ports, Path signingKey, Path work) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(name)));
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:" + ports.get("auth") + "/.well-known/jwks.json");
            if (!name.equals("gateway")) {
                // Each service's system-test database, rebuilt from the migrations on every run.
                env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/lv_" + name + "_it");
                env.put("QUARKUS_DATASOURCE_PASSWORD", "lv_" + name);
                env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
                env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            }
            switch (name) {
                case "auth" -> env.put("LECTAVERA_AUTH_JWT_PRIVATE_KEY_LOCATION", signingKey.toString());
                case "document" -> env.put("LECTAVERA_BLOBS_DIRECTORY", work.resolve("blobs").toString());
                case "study", "quiz" -> env.put("QUARKUS_REST_CLIENT_DOCUMENTS_URL", "http://127.0.0.1:" + ports.get("document"));
                case "gateway" -> MODULES.keySet().stream().filter(n -> !n.equals("gateway")).forEach(upstream ->
                        env.put("GATEWAY_ROUTES_" + upstream.toUpperCase() + "_UPSTREAM", "http://127.0.0.1:" + ports.get(upstream)));
                default -> {
                }
            }
            return env;
        }

        private static void awaitReady(String name, int port, Path logs) {
            URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
            Awaitility.await(name + " ready (log: " + logs.resolve(name + ".log") + ")")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
                        connection.setConnectTimeout(500);
                        connection.setReadTimeout(2000);
                        return connection.getResponseCode() == 200;
                    });
        }

        private static Path writeSigningKey(Path work) throws IOException {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                Path key = work.resolve("jwt-private.pem");
                Files.writeString(key, pem);
                return key;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String javaCommand() {
            return ProcessHandle.current().info().command().orElse("java");
        }

        @Override
        public void close() {
            processes.forEach(Process::destroy);
            for (Process p : processes) {
                try {
                    if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            processes.clear();
        }
    }
}
