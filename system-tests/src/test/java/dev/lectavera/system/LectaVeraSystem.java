package dev.lectavera.system;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the whole system once per test JVM as real processes on free ports: a private Redis and a
 * private single-node Kafka (so fault tests can stop and restart them without touching anyone else's),
 * the six services from their built jars — study-service twice, both behind the gateway — against the
 * dev/stack PostgreSQL ({@code lv_<service>_it} databases, rebuilt from the migrations each run). Each service
 * process has a public port and a management port (health, metrics, OpenAPI), as in every deployment.
 * Tests get a {@link Running} handle, talk to the gateway, and may break parts of the system on purpose;
 * whoever breaks something restores it before returning (see {@link Running#restart}).
 */
public class LectaVeraSystem implements BeforeAllCallback, ParameterResolver {

    /** Per-student document quota of the system under test (see {@code Running#hardening}). */
    public static final int DOCUMENT_QUOTA_COUNT = 4;
    public static final long DOCUMENT_QUOTA_BYTES = 4L * 1024 * 1024;

    /** Process name → module directory, in start order; the gateway starts last, once its upstreams are up. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("auth", "auth-service");
        SERVICES.put("document", "document-service");
        SERVICES.put("study", "study-service");
        SERVICES.put("quiz", "quiz-service");
        SERVICES.put("analytics", "analytics-service");
        SERVICES.put("study-2", "study-service");
        SERVICES.put("gateway-2", "gateway");
        SERVICES.put("gateway", "gateway");
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
        private final Path root;
        private final Path work;
        private final Path logs;
        private final Path signingKey;
        /** Every process by name: the services, "redis", "kafka". */
        private final Map<String, Integer> ports = new LinkedHashMap<>();
        /** Each service process's management interface: health, metrics, OpenAPI, never on its public port. */
        private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
        private final Map<String, Process> processes = new LinkedHashMap<>();
        /** Where every process exports its spans (OTLP/HTTP), for TraceIT. */
        private SpanCollector spanCollector;

        private Running(Path root, Path work) throws IOException {
            this.root = root;
            this.work = work;
            this.logs = work.resolve("logs");
            if (Files.isDirectory(logs)) {
                try (Stream<Path> old = Files.list(logs)) {
                    old.forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(logs);
            Files.createDirectories(work.resolve("blobs"));
            Files.createDirectories(work.resolve("redis"));
            this.signingKey = writeSigningKey(work);
            List<String> infrastructure = List.of("redis", "kafka", "kafka-controller", "otlp");
            Iterator<Integer> free = freePorts(2 * SERVICES.size() + infrastructure.size()).iterator();
            for (String name : SERVICES.keySet()) {
                ports.put(name, free.next());
                managementPorts.put(name, free.next());
            }
            infrastructure.forEach(name -> ports.put(name, free.next()));
        }

        /** The gateway: the only door a client uses. */
        public URI gateway() {
            return URI.create("http://127.0.0.1:" + ports.get("gateway"));
        }

        /** A service's own public port (tests that look behind the gateway). */
        public URI service(String name) {
            return URI.create("http://127.0.0.1:" + ports.get(name));
        }

        /** A service process's management interface: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}. */
        public URI management(String name) {
            return URI.create("http://127.0.0.1:" + managementPorts.get(name));
        }

        /** The names of the service processes, the gateway last (study-service twice: "study", "study-2"). */
        public List<String> serviceProcesses() {
            return List.copyOf(SERVICES.keySet());
        }

        /** A running service process, to look at how it was started. */
        public ProcessHandle process(String name) {
            Process process = processes.get(name);
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " is not running");
            }
            return process.toHandle();
        }

        public Path log(String name) {
            return logs.resolve(name + ".log");
        }

        /** JDBC URL of a service's system-test database (owner role {@code lv_<service>}, same password). */
        public String jdbcUrl(String service) {
            return "jdbc:postgresql://localhost:5432/lv_" + service + "_it";
        }

        public String kafkaBootstrap() {
            return "127.0.0.1:" + ports.get("kafka");
        }

        public int redisPort() {
            return ports.get("redis");
        }

        /** The spans every process has exported so far. */
        SpanCollector spans() {
            return spanCollector;
        }

        static Running start() {
            Path root = Path.of(System.getProperty("lectavera.root", "..")).toAbsolutePath().normalize();
            try {
                Running running = new Running(root, root.resolve("system-tests/target/system"));
                Runtime.getRuntime().addShutdownHook(new Thread(running::close));
                running.spanCollector = new SpanCollector(running.ports.get("otlp"));
                running.startRedis();
                running.formatKafka();
                running.startKafka();
                for (String name : SERVICES.keySet()) {
                    if (name.equals("study-2")) {
                        // Second instance of the same database: only once the first has migrated it.
                        running.awaitReady("study");
                    }
                    if (name.equals("gateway")) {
                        SERVICES.keySet().stream().filter(n -> !n.equals("gateway")).forEach(running::awaitReady);
                    }
                    running.launch(name, true);
                }
                running.awaitReady("gateway");
                return running;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        // ------------------------------------------------------------------ faults

        /** Kills a service at once (SIGKILL: no shutdown hooks, no goodbye to its clients). */
        public void kill(String name) {
            Process process = processes.remove(name);
            if (process != null) {
                process.destroyForcibly();
                waitFor(process, name);
            }
        }

        /** Starts a killed service again (keeping its database) and waits until it is ready. */
        public void restart(String name) {
            if (processes.containsKey(name) && processes.get(name).isAlive()) {
                return;
            }
            launch(name, false);
            awaitReady(name);
        }

        /**
         * Stops a service and starts it again with extra environment (e.g. a shutdown delay, as a deployment sets
         * it), keeping its database; waits until it is ready. {@link #restart} brings the usual one back.
         */
        public void restartWith(String name, Map<String, String> extraEnvironment) {
            stop(name);
            Path jar = jarOf(name);
            Map<String, String> env = environment(name, false);
            env.putAll(extraEnvironment);
            launchProcess(name, javaCommand(jar), env);
            awaitReady(name);
        }

        /** Asks a service to stop (SIGTERM, as Kubernetes does) and returns at once: it shuts down in its own time. */
        public ProcessHandle terminate(String name) {
            Process process = processes.remove(name);
            if (process == null) {
                throw new IllegalStateException(name + " is not running");
            }
            process.destroy();
            return process.toHandle();
        }

        public void stopRedis() {
            stop("redis");
        }

        /** Starts an empty Redis (any snapshot a test saved is deleted first). */
        public void startRedis() {
            try {
                Files.deleteIfExists(work.resolve("redis/dump.rdb"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            startRedisFromSnapshot();
        }

        /** Starts Redis with what the last {@code SAVE} wrote (there are no automatic saves). */
        public void startRedisFromSnapshot() {
            launchProcess("redis", List.of("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(redisPort()),
                    "--save", "", "--appendonly", "no", "--dir", work.resolve("redis").toString(),
                    "--dbfilename", "dump.rdb"), Map.of());
            awaitPort("redis", redisPort());
        }

        /** Stops the broker cleanly (its data stays; a restart is the same cluster with the same topics). */
        public void stopKafka() {
            stop("kafka");
        }

        public void startKafka() {
            launchProcess("kafka", kafkaCommand("kafka.Kafka", work.resolve("kafka/server.properties").toString()), Map.of());
            awaitPort("kafka", ports.get("kafka"));
        }

        // ------------------------------------------------------------------ processes

        private void launch(String name, boolean fresh) {
            launchProcess(name, javaCommand(jarOf(name)), environment(name, fresh && !name.equals("study-2")));
        }

        private Path jarOf(String name) {
            Path jar = root.resolve(SERVICES.get(name)).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify builds them before this module)");
            }
            return jar;
        }

        /** As ./lectavera starts a service: an OutOfMemoryError ends the process instead of leaving it half-dead. */
        private static List<String> javaCommand(Path jar) {
            return List.of(javaCommand(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:+ExitOnOutOfMemoryError", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", jar.toString());
        }

        private synchronized void launchProcess(String name, List<String> command, Map<String, String> env) {
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
                builder.environment().putAll(env);
                processes.put(name, builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + name, e);
            }
        }

        private void stop(String name) {
            Process process = processes.remove(name);
            if (process != null) {
                process.destroy();
                waitFor(process, name);
            }
        }

        private Map<String, String> environment(String name, boolean cleanDatabase) {
            String service = name.replace("-2", "");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(name)));
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPorts.get(name)));
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            env.put("QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:" + ports.get("auth") + "/.well-known/jwks.json");
            // Spans to the test's collector (off by default in every service), exported within a tick of ending.
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", spanCollector.endpoint());
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
            if (!name.equals("gateway")) {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(service));
                env.put("QUARKUS_DATASOURCE_PASSWORD", "lv_" + service);
                env.put("QUARKUS_FLYWAY_CLEAN_AT_START", String.valueOf(cleanDatabase));
                env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", String.valueOf(!cleanDatabase));
                // Five JVMs start at once: on a busy machine a first connection can take longer than Agroal's 5 s.
                env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
            }
            switch (service) {
                // The live fan-out's subscription changes are worth seeing when a fault test fails.
                case "study" -> {
                    env.put("QUARKUS_REST_CLIENT_DOCUMENTS_URL", "http://127.0.0.1:" + ports.get("document"));
                    env.put("QUARKUS_LOG_CATEGORY__DEV_LECTAVERA_STUDY_LIVE__LEVEL", "DEBUG");
                }
                case "auth" -> env.put("LECTAVERA_AUTH_JWT_PRIVATE_KEY_LOCATION", signingKey.toString());
                case "document" -> env.put("LECTAVERA_BLOBS_DIRECTORY", work.resolve("blobs").toString());
                case "quiz" -> env.put("QUARKUS_REST_CLIENT_DOCUMENTS_URL", "http://127.0.0.1:" + ports.get("document"));
                case "gateway" -> {
                    for (String upstream : List.of("auth", "document", "quiz", "analytics")) {
                        env.put("GATEWAY_ROUTES_" + upstream.toUpperCase() + "_UPSTREAM", "http://127.0.0.1:" + ports.get(upstream));
                    }
                    // The merged API description reads each service's OpenAPI from its management port (not port + 1000 here).
                    for (String upstream : List.of("auth", "document", "study", "quiz", "analytics")) {
                        env.put("GATEWAY_ROUTES_" + upstream.toUpperCase() + "_OPENAPI",
                                "http://127.0.0.1:" + managementPorts.get(upstream) + "/q/openapi?format=json");
                    }
                    env.put("GATEWAY_ROUTES_STUDY_UPSTREAM",
                            "http://127.0.0.1:" + ports.get("study") + ",http://127.0.0.1:" + ports.get("study-2"));
                }
                default -> {
                }
            }
            env.putAll(hardening(service));
            return env;
        }

        /**
         * The attack tests' settings: the tests are the gateway's one trusted proxy (each student then brings its own
         * address in X-Forwarded-For, so per-address limits apply per student, as behind a real ingress), and
         * document-service runs with a quota small enough to reach in a few uploads (no other test stores more than
         * two documents per student).
         */
        private static Map<String, String> hardening(String service) {
            return switch (service) {
                case "gateway" -> Map.of("GATEWAY_CLIENT_ADDRESS_TRUSTED_PROXIES", "127.0.0.1/32");
                case "document" -> Map.of(
                        "LECTAVERA_DOCUMENTS_QUOTA_MAX_DOCUMENTS", String.valueOf(DOCUMENT_QUOTA_COUNT),
                        "LECTAVERA_DOCUMENTS_QUOTA_MAX_BYTES", String.valueOf(DOCUMENT_QUOTA_BYTES));
                default -> Map.of();
            };
        }

        /** A fresh single-node KRaft broker in this run's work directory, from the jars dev/stack fetched. */
        private void formatKafka() throws IOException {
            Path dir = work.resolve("kafka");
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(dir.resolve("data"));
            String properties = Files.readString(root.resolve("dev/kafka/server.properties"))
                    .replace("9093", String.valueOf(ports.get("kafka-controller")))
                    .replace("9092", String.valueOf(ports.get("kafka")))
                    + "\nlog.dirs=" + dir.resolve("data") + "\n";
            Files.writeString(dir.resolve("server.properties"), properties);
            // Base64url may start with '-', which the storage tool's argument parser takes for an option (1 run in 64
            // failed that way): draw again, as Kafka's own Uuid.randomUuid does.
            String clusterId;
            do {
                byte[] id = new byte[16];
                new java.security.SecureRandom().nextBytes(id);
                clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            } while (clusterId.startsWith("-"));
            Process format = new ProcessBuilder(kafkaCommand("kafka.tools.StorageTool", "format",
                    "-t", clusterId, "-c", dir.resolve("server.properties").toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log("kafka").toFile())).start();
            try {
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("formatting the Kafka storage failed (log: " + log("kafka") + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private List<String> kafkaCommand(String mainClass, String... args) {
            Path libs = root.resolve(".dev/kafka/libs");
            if (!Files.isDirectory(libs)) {
                throw new IllegalStateException(libs + " is missing: run dev/stack up (it fetches the Kafka jars)");
            }
            List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m", "-XX:+UseSerialGC",
                    "-XX:+ExitOnOutOfMemoryError", "-Dlog4j2.configurationFile=" + root.resolve("dev/kafka/log4j2.properties"),
                    "-cp", libs + "/*", mainClass));
            command.addAll(List.of(args));
            return command;
        }

        public void awaitReady(String name) {
            URI ready = URI.create(management(name) + "/q/health/ready");
            Awaitility.await(name + " ready (log: " + log(name) + ")")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsMatching(e -> !(e instanceof ProcessDiedException))
                    .until(() -> {
                        Process process = processes.get(name);
                        if (process == null || !process.isAlive()) {
                            throw new ProcessDiedException(name + " is not running (log: " + log(name) + "), its log ends:\n"
                                    + logTail(name));
                        }
                        HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
                        connection.setConnectTimeout(500);
                        connection.setReadTimeout(2000);
                        return connection.getResponseCode() == 200;
                    });
        }

        private void awaitPort(String name, int port) {
            Awaitility.await(name + " listening on " + port + " (log: " + log(name) + ")")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                            return true;
                        }
                    });
        }

        private static void waitFor(Process process, String name) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
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

        /**
         * Free ports, all different: every probe socket stays open until all are chosen (probes opened and closed
         * one at a time may be handed the same port twice — two services then race for it).
         */
        /**
         * Free ports below the kernel's ephemeral range (32768-60999 on Linux): a port taken from that range can be
         * grabbed, before its process binds it, as the local end of any outgoing connection of the already running
         * processes, and the late starter (the gateway) then dies with "address already in use".
         */
        private static List<Integer> freePorts(int count) throws IOException {
            List<ServerSocket> probes = new ArrayList<>();
            try {
                int candidate = 20_000 + new java.util.Random().nextInt(10_000);
                while (probes.size() < count) {
                    if (candidate >= 32_000) {
                        candidate = 20_000;
                    }
                    try {
                        probes.add(new ServerSocket(candidate++, 50, java.net.InetAddress.getLoopbackAddress()));
                    } catch (IOException taken) {
                        // in use by something else: try the next one
                    }
                }
                return probes.stream().map(ServerSocket::getLocalPort).toList();
            } finally {
                for (ServerSocket probe : probes) {
                    probe.close();
                }
            }
        }

        /** The last lines of a process's log, for a failure message that says why it died. */
        private String logTail(String name) {
            try {
                List<String> lines = Files.readAllLines(log(name));
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException | RuntimeException e) {
                return "(log unreadable: " + e + ")";
            }
        }

        private static String javaCommand() {
            return ProcessHandle.current().info().command().orElse("java");
        }

        @Override
        public synchronized void close() {
            // Services first, the infrastructure after: no service should see Redis or Kafka vanish before itself.
            List<String> infrastructure = List.of("redis", "kafka");
            stopAll(processes.keySet().stream().filter(name -> !infrastructure.contains(name)).toList());
            stopAll(infrastructure);
            processes.clear();
            if (spanCollector != null) {
                spanCollector.close();
                spanCollector = null;
            }
        }

        private void stopAll(List<String> names) {
            List<Process> stopping = names.stream().map(processes::get).filter(java.util.Objects::nonNull).toList();
            stopping.forEach(Process::destroy);
            stopping.forEach(process -> waitFor(process, "process " + process.pid()));
        }
    }

    /** A process of the system exited while it was awaited: waiting longer cannot help. */
    static final class ProcessDiedException extends RuntimeException {
        ProcessDiedException(String message) {
            super(message);
        }
    }
}
