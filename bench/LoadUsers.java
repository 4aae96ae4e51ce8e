// Load generator of bench/run: real users against a running LectaVera, JDK classes only.
// Run in Java's source-file mode (JDK 21+):
//
//   java bench/LoadUsers.java api     gateway=http://127.0.0.1:8080 users=200 rate=1 warmup=60s duration=60s
//   java bench/LoadUsers.java chat    gateway=http://127.0.0.1:8080 users=100 interval=4s warmup=60s duration=60s
//   java bench/LoadUsers.java fanout  gateway=http://127.0.0.1:8080 instances=http://127.0.0.1:8083,http://127.0.0.1:PORT
//                                     sockets=1000 questions=15 warmup-questions=5 readers=<cores>
//   common: summary=<file> (rows "measure<TAB>goal<TAB>result<TAB>met" for the final table of bench/run),
//           setup-concurrency=8, index-timeout=300s
//
// Every user is registered and logged in through the gateway and uploads one small PDF generated here (a page of
// cell-biology facts) that is indexed by document-service before the measurement starts. The report (markdown)
// goes to stdout; progress to stderr. Exit 0 whatever the figures; non-zero only when the harness itself broke
// (e.g. no user could be set up).
//
// Workloads are OPEN: every user has a fixed schedule (period and a random phase) and a request is sent at its
// intended time whether or not the previous one answered; latency = answer time - intended send time, so a server
// (or client) that falls behind shows as queueing instead of silently slowing the load (no coordinated omission).

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadUsers {

    /** The facts of the generated PDF; each question below is answered by one of them. */
    static final String[] FACTS = {
            "The mitochondrion produces adenosine triphosphate through cellular respiration.",
            "Ribosomes build proteins by translating messenger RNA into chains of amino acids.",
            "The nucleus stores the genetic material of the cell as chromatin.",
            "Chloroplasts capture light energy during photosynthesis and make glucose.",
            "The cell membrane controls which substances enter and leave the cell.",
            "The Golgi apparatus packages proteins into vesicles for secretion.",
            "Lysosomes digest worn out organelles with hydrolytic enzymes.",
            "The cytoskeleton gives the cell its shape and moves organelles along microtubules.",
            "The rough endoplasmic reticulum folds new proteins made by its ribosomes.",
            "Vacuoles store water and keep plant cells firm through turgor pressure.",
            "Mitosis divides one nucleus into two identical daughter nuclei.",
            "Meiosis halves the chromosome number to make gametes for sexual reproduction.",
            "Enzymes speed up chemical reactions by lowering the activation energy.",
            "Diffusion moves molecules from a region of high concentration to low concentration.",
            "Osmosis is the diffusion of water across a semipermeable membrane.",
    };
    static final String[] QUESTIONS = {
            "What does the mitochondrion produce?",
            "How do ribosomes build proteins?",
            "What does the nucleus store?",
            "What do chloroplasts capture during photosynthesis?",
            "What does the cell membrane control?",
            "What does the Golgi apparatus package?",
            "What do lysosomes digest?",
            "What gives the cell its shape?",
            "What does the rough endoplasmic reticulum fold?",
            "What do vacuoles store?",
            "What does mitosis divide?",
            "What does meiosis halve?",
            "How do enzymes speed up chemical reactions?",
            "How does diffusion move molecules?",
            "What is osmosis?",
    };

    /** The fan-out part's warm-up: other wordings of the facts, so none is answered from the cache. */
    static final String[] WARMUP_QUESTIONS = {
            "Which organelle makes adenosine triphosphate?",
            "What translates messenger RNA into amino acid chains?",
            "Where is chromatin kept?",
            "Which organelle captures light energy?",
            "What does the cytoskeleton give the cell?",
    };

    static Map<String, String> opts = new HashMap<>();
    static final Map<String, Pattern> FIELD_PATTERNS = new ConcurrentHashMap<>();
    static HttpClient http;
    static String gateway;
    static final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/LoadUsers.java api|chat|fanout key=value ...");
            System.exit(2);
        }
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("not key=value: " + args[i]);
            opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        gateway = opt("gateway", "http://127.0.0.1:8080");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            switch (args[0]) {
                case "api" -> api();
                case "chat" -> chat();
                case "fanout" -> fanout();
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (HarnessBroke e) {
            System.out.print(report);
            System.out.println("\n**Harness failure: " + e.getMessage() + "**\n");
            System.err.println("error: " + e.getMessage());
            System.exit(3);
        }
        System.out.print(report);
        System.exit(0);
    }

    // ------------------------------------------------------------------ api-200

    record Endpoint(String name, java.util.function.Function<User, String> path) { }

    static final List<Endpoint> API_ENDPOINTS = List.of(
            new Endpoint("documents list", u -> "/api/v1/documents?page=0&size=20"),
            new Endpoint("document status", u -> "/api/v1/documents/" + u.documentId + "/status"),
            new Endpoint("study sessions list", u -> "/api/v1/study/sessions?page=0&size=20"),
            new Endpoint("quiz list", u -> "/api/v1/quiz?page=0&size=20"),
            new Endpoint("analytics overview", u -> "/api/v1/analytics/overview"),
            new Endpoint("rate-limit-status", u -> "/api/v1/users/rate-limit-status"));

    static void api() throws Exception {
        int users = intOpt("users", 200);
        double rate = Double.parseDouble(opt("rate", "1"));
        long warmup = durationNanos(opt("warmup", "60s"));
        long duration = durationNanos(opt("duration", "60s"));
        List<User> ready = setUpUsers(users, false);

        Recorder all = new Recorder();
        Map<String, Recorder> byEndpoint = new ConcurrentHashMap<>();
        API_ENDPOINTS.forEach(e -> byEndpoint.put(e.name, new Recorder()));
        long period = (long) (1e9 / rate);
        progress("api: %d users, %.2f req/s each, warm-up %ds, measured %ds", ready.size(), rate,
                warmup / 1_000_000_000L, duration / 1_000_000_000L);
        OpenLoad load = new OpenLoad(ready, period, warmup, duration, (user, k, intended, measured) -> {
            Endpoint endpoint = API_ENDPOINTS.get((int) ((k + user.index) % API_ENDPOINTS.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + endpoint.path.apply(user)))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + user.token).GET().build();
            String status;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                status = Integer.toString(response.statusCode());
                if (response.statusCode() >= 500 && measured) {
                    all.note(endpoint.name + " -> " + status + ": " + snippet(response.body()));
                }
            } catch (Exception e) {
                status = "error " + e.getClass().getSimpleName();
            }
            long latency = System.nanoTime() - intended;
            if (measured) {
                all.record(latency, status);
                byEndpoint.get(endpoint.name).record(latency, status);
            }
        });
        load.run();

        double seconds = duration / 1e9;
        report.append("### api-200: non-LLM GETs through the gateway, open workload\n\n");
        report.append(String.format(Locale.ROOT,
                "%d users (registered, logged in, each with one indexed 1-page PDF), each sending 1 request every %.0f ms "
                        + "on a fixed schedule (random phase), endpoints in rotation: %s. Warm-up %.0f s (not counted), "
                        + "measured %.0f s. Latency from the intended send time.%n%n",
                ready.size(), period / 1e6, String.join(", ", API_ENDPOINTS.stream().map(Endpoint::name).toList()),
                warmup / 1e9, seconds));
        report.append("| endpoint | requests | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        for (Endpoint e : API_ENDPOINTS) {
            report.append(byEndpoint.get(e.name).row(e.name));
        }
        report.append(all.row("**all**"));
        report.append(String.format(Locale.ROOT, "%nIntended %d requests, completed %d in the window: **%.1f req/s achieved** "
                        + "(offered %.1f req/s). Late sends (the client's own scheduler > 5 ms behind): %d.%n%n",
                load.intended.get(), all.count(), all.count() / seconds, ready.size() * rate, load.lateSends.get()));
        report.append("Status histogram: ").append(all.histogram()).append("\n\n");
        long fiveXx = all.fiveXx();
        if (fiveXx > 0) {
            report.append("**!!! ").append(fiveXx).append(" responses were 5xx !!!** First ones:\n\n");
            all.notes().forEach(n -> report.append("- ").append(n).append('\n'));
            report.append('\n');
            System.err.println("WARNING: " + fiveXx + " 5xx responses in api-200");
        }
        double p95 = all.percentileMs(0.95);
        summary("non-LLM API p95, " + ready.size() + " users (" + fmt(all.count() / seconds) + " req/s)", "p95 <= 50 ms",
                fmt(p95) + " ms (p99 " + fmt(all.percentileMs(0.99)) + " ms, 5xx " + fiveXx + ")",
                all.count() > 0 && p95 <= 50 && fiveXx == 0);
    }

    // ------------------------------------------------------------------ chat-cached-100

    static void chat() throws Exception {
        int users = intOpt("users", 100);
        long interval = durationNanos(opt("interval", "4s"));
        long warmup = durationNanos(opt("warmup", "60s"));
        long duration = durationNanos(opt("duration", "60s"));
        String question = QUESTIONS[0];
        List<User> ready = setUpUsers(users, true);

        // Fill: each user asks once (not measured), which stores the answer in the RAG cache.
        progress("chat: filling the answer cache (%d users ask once)", ready.size());
        AtomicInteger fillCached = new AtomicInteger();
        List<User> filled = Collections.synchronizedList(new ArrayList<>());
        List<String> fillFailures = Collections.synchronizedList(new ArrayList<>());
        runAll(ready, 8, user -> {
            HttpResponse<String> r = postJson("/api/v1/study/sessions/" + user.sessionId + "/messages", user.token,
                    "{\"content\":\"" + question + "\"}");
            if (r.statusCode() != 200) {
                fillFailures.add(r.statusCode() + " " + snippet(r.body().getBytes(StandardCharsets.UTF_8)));
                return;
            }
            if (answerCached(r.body())) fillCached.incrementAndGet();
            user.fillVerdict = stringField(after(r.body(), "\"answer\""), "verdict");
            filled.add(user);
        });
        if (filled.isEmpty()) throw new HarnessBroke("no user could ask the first question: " + fillFailures);

        Recorder cached = new Recorder();
        Recorder notCached = new Recorder();
        Recorder statuses = new Recorder();
        Recorder serverSide = new Recorder();
        List<AnswerHops> hops = Collections.synchronizedList(new ArrayList<>());
        progress("chat: %d users re-ask every %d ms, warm-up %ds, measured %ds", filled.size(), interval / 1_000_000,
                warmup / 1_000_000_000L, duration / 1_000_000_000L);
        OpenLoad load = new OpenLoad(filled, interval, warmup, duration, (user, k, intended, measured) -> {
            String status;
            Boolean hit = null;
            long sent = System.nanoTime();
            long done;
            try {
                HttpResponse<String> r = postJson("/api/v1/study/sessions/" + user.sessionId + "/messages", user.token,
                        "{\"content\":\"" + question + "\"}");
                done = System.nanoTime();
                status = Integer.toString(r.statusCode());
                if (r.statusCode() == 200) {
                    hit = answerCached(r.body());
                    Matcher m = LATENCY_MS.matcher(after(r.body(), "\"answer\""));
                    if (hit && measured && m.find()) {
                        long latencyMs = Long.parseLong(m.group(1));
                        serverSide.record(latencyMs * 1_000_000L, "200");
                        hops.add(new AnswerHops(intended, sent, done, serverTiming(r), latencyMs * 1_000_000L,
                                r.headers().firstValue("X-Request-Id").orElse("")));
                    }
                }
                else if (r.statusCode() >= 500 && measured) statuses.note(status + ": " + snippet(r.body().getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                done = System.nanoTime();
                status = "error " + e.getClass().getSimpleName();
            }
            long latency = done - intended;
            if (!measured) return;
            statuses.record(latency, status);
            if (Boolean.TRUE.equals(hit)) cached.record(latency, status);
            else if (Boolean.FALSE.equals(hit)) notCached.record(latency, status);
        });
        load.run();

        double seconds = duration / 1e9;
        Map<String, Integer> verdicts = new TreeMap<>();
        filled.forEach(u -> verdicts.merge(String.valueOf(u.fillVerdict), 1, Integer::sum));
        report.append("### chat-cached-100: the same question again, answered from the RAG cache\n\n");
        report.append(String.format(Locale.ROOT,
                "%d users, each with one indexed PDF and a study session, asked \"%s\" once over HTTP "
                        + "(`POST /api/v1/study/sessions/{id}/messages` through the gateway; verdicts of those first answers: %s; "
                        + "%d already came from the cache%s), then re-ask it every %.1f s on a fixed schedule "
                        + "(%.1f/min per user, inside the chat limit of 20/min). Warm-up %.0f s, measured %.0f s. "
                        + "Only answers marked `cached: true` count below; the rest are counted apart.%n%n",
                filled.size(), question, verdicts, fillCached.get(),
                fillFailures.isEmpty() ? "" : "; " + fillFailures.size() + " users failed to ask: " + fillFailures.subList(0, Math.min(3, fillFailures.size())),
                interval / 1e9, 60e9 / interval, warmup / 1e9, seconds));
        report.append("| answers | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        report.append(cached.row("cached"));
        report.append(notCached.row("not cached"));
        report.append(serverSide.row("cached, as reported by study-service (`latencyMs` of the answer, whole ms)"));
        report.append(String.format(Locale.ROOT, "%nAchieved %.1f answers/s (offered %.1f/s). Status histogram: %s. Late sends: %d.%n%n",
                statuses.count() / seconds, filled.size() * 1e9 / interval, statuses.histogram(), load.lateSends.get()));
        reportHops(hops, load.wallClock());
        long fiveXx = statuses.fiveXx();
        if (fiveXx > 0) {
            report.append("**!!! ").append(fiveXx).append(" responses were 5xx !!!**\n\n");
            statuses.notes().forEach(n -> report.append("- ").append(n).append('\n'));
            report.append('\n');
        }
        double p99 = cached.percentileMs(0.99);
        summary("cached chat answer p99, " + filled.size() + " users", "p99 <= 10 ms",
                fmt(p99) + " ms (p50 " + fmt(cached.percentileMs(0.5)) + " ms; " + cached.count() + " cached, "
                        + notCached.count() + " not, non-200 " + (statuses.count() - cached.count() - notCached.count()) + ")",
                cached.count() > 0 && p99 <= 10 && notCached.count() == 0 && fiveXx == 0);
        double ownP99 = serverSide.percentileMs(0.99);
        double ratio = p99 / ownP99;
        summary("cached chat answer p99 / study-service's own p99 (`latencyMs`)", "<= 3",
                fmt(ratio) + " (" + fmt(p99) + " / " + fmt(ownP99) + " ms)",
                cached.count() > 0 && ratio <= 3 && notCached.count() == 0 && fiveXx == 0);
    }

    static final Pattern LATENCY_MS = Pattern.compile("\"latencyMs\"\\s*:\\s*(\\d+)");
    static final Pattern SERVER_TIMING_ENTRY = Pattern.compile("([A-Za-z0-9_-]+);dur=([0-9.]+)");
    static final Pattern GATEWAY_ACCESS_LINE = Pattern.compile(
            "\"POST /api/v1/study/sessions/[^ ]+/messages HTTP/[0-9.]+\\\\?\" \\d{3} \\S+ (\\d+)ms rid=([A-Za-z0-9._:-]+)");
    /** The steps of an ask in study-service's Server-Timing (besides {@code study}, the whole), in their order. */
    static final List<String> ASK_STEPS = List.of("limit", "answer", "store", "publish");

    /**
     * One cached answer of the window, hop by hop (nanoseconds): the intended send, the actual send and the answer
     * on the load generator's clock; study-service's Server-Timing ({@code study}: arrival to response headers, and
     * the ask's steps) and the answer's latencyMs (question's arrival to answer ready, before it is stored; whole
     * ms). The gateway's own account (its access log's %D) is joined later by the X-Request-Id it answered with.
     */
    record AnswerHops(long intended, long sent, long done, Map<String, Long> serverTiming, long latency,
                      String requestId) {
        long student() {
            return done - intended;
        }

        long study() {
            return serverTiming.getOrDefault("study", -1L);
        }

        boolean hasSteps() {
            return serverTiming.containsKey("study") && serverTiming.keySet().containsAll(ASK_STEPS);
        }
    }

    /** Every {@code name;dur=ms} entry of the response's Server-Timing header lines, in nanoseconds. */
    static Map<String, Long> serverTiming(HttpResponse<?> r) {
        Map<String, Long> metrics = new HashMap<>();
        for (String value : r.headers().allValues("Server-Timing")) {
            Matcher m = SERVER_TIMING_ENTRY.matcher(value);
            while (m.find()) metrics.put(m.group(1), Math.round(Double.parseDouble(m.group(2)) * 1e6));
        }
        return metrics;
    }

    /**
     * Where the cached answers' time goes, per percentile and for the slowest ones: the student's latency split into
     * the load generator's own delay, client and network (sent to answer, minus the gateway's time), the gateway (its
     * time minus study-service's), study-service outside the ask (security, the hand-off to a worker thread, JSON,
     * writing the response) and the ask's steps. The gateway's figures need its access log: {@code gateway-log=<file>}.
     */
    static void reportHops(List<AnswerHops> hops, LongFunction<String> wallClock) throws Exception {
        if (hops.isEmpty()) return;
        Map<String, Long> gatewayNanos = gatewayAccessLog(hops);
        Map<String, List<Long>> lines = new LinkedHashMap<>();
        for (String line : List.of("student", "generator", "gateway", "study", "latency")) lines.put(line, new ArrayList<>());
        for (String step : ASK_STEPS) lines.put(step, new ArrayList<>());
        for (AnswerHops h : hops) {
            lines.get("student").add(h.student());
            lines.get("generator").add(h.sent() - h.intended());
            Long g = gatewayNanos.get(h.requestId());
            if (g != null) lines.get("gateway").add(g);
            if (h.study() >= 0) lines.get("study").add(h.study());
            lines.get("latency").add(h.latency());
            for (String step : ASK_STEPS) {
                Long nanos = h.serverTiming().get(step);
                if (nanos != null) lines.get(step).add(nanos);
            }
        }
        report.append("Where the time goes, cached answers of the window (each line's own percentiles):\n\n");
        report.append("| hop | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        report.append(pctRow("the student: intended send to answer", lines.get("student")));
        report.append(pctRow("the load generator's delay: intended to actual send", lines.get("generator")));
        report.append(pctRow("gateway: its access log's %D (whole ms)", lines.get("gateway")));
        report.append(pctRow("study-service: Server-Timing `study` (arrival to response headers)", lines.get("study")));
        for (String step : ASK_STEPS) {
            report.append(pctRow("study-service: the ask's step `" + step + "`", lines.get(step)));
        }
        report.append(pctRow("study-service: `latencyMs` (to the answer ready, before storing; whole ms)", lines.get("latency")));
        report.append('\n');

        List<AnswerHops> sorted = new ArrayList<>(hops);
        sorted.sort(Comparator.comparingLong(AnswerHops::student));
        int n = sorted.size();
        report.append("The same answers in bands of the student's latency, mean per hop in ms (the hops add up to the"
                + " student's; answers without a gateway line or the ask's steps are left out of a band). \"Study, outside"
                + " the ask\": security, the hand-off to a worker thread, JSON, the response's way out:\n\n");
        report.append("| band | answers | student | load generator | client and network | gateway | study, outside the ask |"
                + " limit | answer | store | publish |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        band("p0–p50", sorted.subList(0, n / 2), gatewayNanos);
        band("p50–p95", sorted.subList(n / 2, (int) (n * 0.95)), gatewayNanos);
        band("p95–p99", sorted.subList((int) (n * 0.95), (int) (n * 0.99)), gatewayNanos);
        band("slowest 1 %", sorted.subList((int) (n * 0.99), n), gatewayNanos);
        report.append("\nThe slowest 1 % (UTC time of the intended send: student / gateway / study-service / `latencyMs`,"
                + " ms): ");
        List<String> slowest = new ArrayList<>();
        for (AnswerHops h : sorted.subList((int) (n * 0.99), n).reversed()) {
            Long g = gatewayNanos.get(h.requestId());
            slowest.add(wallClock.apply(h.intended()) + " " + fmt(h.student() / 1e6) + " / "
                    + (g == null ? "-" : fmt(g / 1e6)) + " / " + (h.study() < 0 ? "-" : fmt(h.study() / 1e6)) + " / "
                    + h.latency() / 1_000_000);
        }
        report.append(String.join("; ", slowest)).append(".\n\n");
    }

    static void band(String label, List<AnswerHops> answers, Map<String, Long> gatewayNanos) {
        double[] sums = new double[5 + ASK_STEPS.size()];
        int count = 0;
        for (AnswerHops h : answers) {
            Long g = gatewayNanos.get(h.requestId());
            if (g == null || !h.hasSteps()) continue;
            count++;
            long inAsk = 0;
            for (int i = 0; i < ASK_STEPS.size(); i++) {
                long step = h.serverTiming().get(ASK_STEPS.get(i));
                sums[5 + i] += step;
                inAsk += step;
            }
            sums[0] += h.student();
            sums[1] += h.sent() - h.intended();
            sums[2] += h.done() - h.sent() - g;
            sums[3] += g - h.study();
            sums[4] += h.study() - inAsk;
        }
        StringBuilder row = new StringBuilder("| ").append(label).append(" | ").append(count).append(" |");
        for (double sum : sums) row.append(' ').append(count == 0 ? "-" : fmt(sum / count / 1e6)).append(" |");
        report.append(row).append('\n');
    }

    static String pctRow(String label, List<Long> values) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", label, values.size(),
                ms(pct(values, 0.5)), ms(pct(values, 0.95)), ms(pct(values, 0.99)), ms(pct(values, 1.0)));
    }

    /**
     * The gateway's %D of each answer, by request id, from its access log (JSON or plain lines). The log is written
     * asynchronously: read again, briefly, while answers of the window are still missing.
     */
    static Map<String, Long> gatewayAccessLog(List<AnswerHops> hops) throws Exception {
        String file = opt("gateway-log", "");
        Map<String, Long> found = new HashMap<>();
        if (file.isEmpty() || !Files.isReadable(Path.of(file))) return found;
        for (int attempt = 0; attempt < 5; attempt++) {
            try (var lines = Files.lines(Path.of(file), StandardCharsets.UTF_8)) {
                lines.forEach(line -> {
                    Matcher m = GATEWAY_ACCESS_LINE.matcher(line);
                    if (m.find()) found.put(m.group(2), Long.parseLong(m.group(1)) * 1_000_000L);
                });
            }
            if (hops.stream().allMatch(h -> found.containsKey(h.requestId()))) break;
            Thread.sleep(500);
        }
        return found;
    }

    static boolean answerCached(String exchangeJson) {
        String answer = after(exchangeJson, "\"answer\"");
        Matcher m = Pattern.compile("\"cached\"\\s*:\\s*(true|false)").matcher(answer);
        return m.find() && m.group(1).equals("true");
    }

    // ------------------------------------------------------------------ fanout-1000

    static void fanout() throws Exception {
        int socketCount = intOpt("sockets", 1000);
        int questions = Math.min(intOpt("questions", 15), QUESTIONS.length);
        // Asked first and not counted: the second instance has just started and compiles its hot paths on the
        // first questions (with the 15 measured, 20 questions: the chat limit's 20 per minute).
        int warmupQuestions = Math.min(intOpt("warmup-questions", 5), WARMUP_QUESTIONS.length);
        List<String> instances = List.of(opt("instances", "").split(","));
        if (instances.size() < 2 || instances.get(0).isBlank()) throw new HarnessBroke("instances=<url>,<url> is required");
        long eventTimeout = durationNanos(opt("event-timeout", "30s"));
        User user = setUpUsers(1, true).get(0);

        // A lean reader (NIO, a selector thread per core, frames parsed in place) rather than java.net.http's
        // WebSocket: the load generator shares the 2 cores with the instances it measures, and the JDK client
        // spent more CPU reading the frames than an instance spent writing them.
        int readerCount = Math.max(1, intOpt("readers", Runtime.getRuntime().availableProcessors()));
        Map<String, long[]> completeAt = new ConcurrentHashMap<>();   // messageId -> receive time per socket
        List<String> completeOrder = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger readyEvents = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        Socket[] sockets = new Socket[socketCount];
        long settle = durationNanos(opt("settle", "5s"));
        AtomicInteger connectFailures = new AtomicInteger();
        List<SocketReader> readers = new ArrayList<>();
        for (int r = 0; r < readerCount; r++) {
            SocketReader reader = new SocketReader();
            readers.add(reader);
            Thread thread = new Thread(reader, "fanout-reader-" + r);
            thread.setDaemon(true);
            thread.start();
        }
        progress("fanout: opening %d WebSockets to %s", socketCount, instances);
        long connectStart = System.nanoTime();
        for (int i = 0; i < socketCount; i++) {
            URI base = URI.create(instances.get(i % instances.size()));
            Socket socket = new Socket(i, i % instances.size(), socketCount, completeAt, completeOrder, errors, readyEvents, closed);
            try {
                socket.open(base.getHost(), base.getPort(), "/ws/study/" + user.sessionId + "?token=" + user.token);
                sockets[i] = socket;
                readers.get(i % readerCount).add(socket);
            } catch (IOException e) {
                if (connectFailures.incrementAndGet() <= 3) errors.add("connect " + i + ": " + e);
            }
        }
        long connectMs = (System.nanoTime() - connectStart) / 1_000_000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (readyEvents.get() < socketCount - connectFailures.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        progress("fanout: %d connected (%d failed) in %d ms, %d ready events", socketCount - connectFailures.get(),
                connectFailures.get(), connectMs, readyEvents.get());
        if (sockets[0] == null) throw new HarnessBroke("the asking socket could not connect: " + errors);
        // Let presence writes and any Redis cool-down of the instances pass before asking.
        Thread.sleep(settle / 1_000_000L);

        List<String> asked = new ArrayList<>();
        int incompleteEvents = 0;
        for (int w = 0; w < warmupQuestions; w++) {
            int before = completeOrder.size();
            sockets[0].sendText("{\"type\":\"ask\",\"content\":\"" + WARMUP_QUESTIONS[w] + "\"}");
            long until = System.nanoTime() + eventTimeout;
            while (completeOrder.size() == before && System.nanoTime() < until) Thread.sleep(5);
            Thread.sleep(300);
        }
        if (warmupQuestions > 0) progress("fanout: %d warm-up questions asked (not counted)", warmupQuestions);
        Set<String> warmup = Set.copyOf(completeOrder);
        for (int q = 0; q < questions; q++) {
            int before = completeOrder.size();
            sockets[0].sendText("{\"type\":\"ask\",\"content\":\"" + QUESTIONS[q] + "\"}");
            long until = System.nanoTime() + eventTimeout;
            String messageId = null;
            while (System.nanoTime() < until) {
                synchronized (completeOrder) {
                    for (int i = before; i < completeOrder.size() && messageId == null; i++) {
                        if (!warmup.contains(completeOrder.get(i))) messageId = completeOrder.get(i);
                    }
                }
                if (messageId != null) {
                    long[] times = completeAt.get(messageId);
                    if (times != null && Arrays.stream(times).filter(t -> t != 0).count() >= socketCount - connectFailures.get()) break;
                }
                Thread.sleep(5);
            }
            if (messageId == null) {
                errors.add("question " + (q + 1) + ": no complete event within " + eventTimeout / 1_000_000_000L + " s");
                continue;
            }
            asked.add(messageId);
            long got = Arrays.stream(completeAt.get(messageId)).filter(t -> t != 0).count();
            if (got < socketCount) incompleteEvents++;
            progress("fanout: question %d/%d complete on %d/%d sockets", q + 1, questions, got, socketCount);
            Thread.sleep(300);
        }
        Thread.sleep(1000);   // stragglers

        List<Long> all = new ArrayList<>();
        List<Long> sameInstance = new ArrayList<>();
        List<Long> otherInstance = new ArrayList<>();
        List<Long> afterFirst = new ArrayList<>();
        List<String> perQuestion = new ArrayList<>();
        long missing = 0;
        for (String id : asked) {
            List<Long> thisQuestion = new ArrayList<>();
            long[] times = completeAt.get(id);
            long first = Arrays.stream(times).filter(t -> t != 0).min().orElse(0);
            for (int s = 0; s < socketCount; s++) {
                if (times[s] == 0) {
                    missing++;
                    continue;
                }
                long d = times[s] - first;
                all.add(d);
                thisQuestion.add(d);
                (sockets[s].instance == 0 ? sameInstance : otherInstance).add(d);
            }
            if (!perQuestion.isEmpty()) afterFirst.addAll(thisQuestion);
            perQuestion.add(fmt(pct(thisQuestion, 0.99)));
        }
        int closedEarly = closed.get();
        for (Socket s : sockets) {
            if (s != null) s.close();
        }
        readers.forEach(SocketReader::stop);
        report.append("### fanout-1000: one session's events to WebSockets on two study-service instances\n\n");
        report.append(String.format(Locale.ROOT,
                "One user, one session; %d WebSockets (`/ws/study/{sessionId}?token=`) opened directly on the two instances "
                        + "(%s), alternating, in %d ms (%d failed); %d warm-up questions (not counted), then %d questions asked over socket 0 (instance 1). For each "
                        + "`complete` event, per socket: receive time - the earliest receive time of that event over all sockets "
                        + "(one JVM, one monotonic clock; %d NIO reader threads read the sockets).%n%n",
                socketCount, String.join(", ", instances), connectMs, connectFailures.get(), warmupQuestions, asked.size(), readerCount));
        report.append("| sockets | samples | p50 | p99 | max |\n|---|---|---|---|---|\n");
        report.append(row3("all", all));
        report.append(row3("on the asker's instance", sameInstance));
        report.append(row3("on the other instance (via Redis)", otherInstance));
        // The first event finds code paths not yet compiled (above all on the freshly started second instance).
        report.append(row3("from the second question on", afterFirst));
        report.append(String.format(Locale.ROOT, "%np99 per question, in order (ms): %s.%n", String.join(", ", perQuestion)));
        report.append(String.format(Locale.ROOT, "%nEvents delivered: %d of %d (%d missing; %d questions not seen on every socket). "
                        + "Sockets closed early: %d.%n%n",
                all.size(), (long) asked.size() * socketCount, missing, incompleteEvents, closedEarly));
        if (!errors.isEmpty()) {
            report.append("Errors:\n\n");
            errors.stream().limit(10).forEach(e -> report.append("- ").append(e).append('\n'));
            report.append('\n');
        }
        double p99 = pct(all, 0.99);
        boolean everyEvent = missing == 0 && asked.size() == questions && connectFailures.get() == 0;
        summary("WebSocket fan-out p99, " + socketCount + " sockets on 2 instances", "p99 <= 25 ms, every socket gets every event",
                fmt(p99) + " ms (p50 " + fmt(pct(all, 0.5)) + ", max " + fmt(pct(all, 1.0)) + "; from the second question on p99 "
                        + fmt(pct(afterFirst, 0.99)) + " ms); "
                        + (everyEvent ? "all " + all.size() + " events delivered" : missing + " events missing"),
                !all.isEmpty() && p99 <= 25 && everyEvent);
    }

    /** Reads the frames of its sockets on one thread (a selector); sockets join it once their handshake is done. */
    static final class SocketReader implements Runnable {
        private final Selector selector;
        private final ConcurrentLinkedQueue<Socket> joining = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;

        SocketReader() throws IOException {
            selector = Selector.open();
        }

        void add(Socket socket) {
            joining.add(socket);
            selector.wakeup();
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (running) {
                    selector.select(100);
                    long now = System.nanoTime();
                    for (Socket s; (s = joining.poll()) != null; ) {
                        s.channel.register(selector, SelectionKey.OP_READ, s);
                        s.frames(now);   // what came with the handshake answer
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        ((Socket) key.attachment()).read(key, now);
                    }
                    selector.selectedKeys().clear();
                }
                selector.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One client WebSocket (RFC 6455): a blocking handshake, then frames parsed in place by its reader. */
    static final class Socket {
        final int index;
        final int instance;
        final int socketCount;
        final Map<String, long[]> completeAt;
        final List<String> completeOrder;
        final List<String> errors;
        final AtomicInteger readyEvents;
        final AtomicInteger closed;
        SocketChannel channel;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        private volatile boolean done;

        Socket(int index, int instance, int socketCount, Map<String, long[]> completeAt, List<String> completeOrder,
               List<String> errors, AtomicInteger readyEvents, AtomicInteger closed) {
            this.index = index;
            this.instance = instance;
            this.socketCount = socketCount;
            this.completeAt = completeAt;
            this.completeOrder = completeOrder;
            this.errors = errors;
            this.readyEvents = readyEvents;
            this.closed = closed;
        }

        void open(String host, int port, String target) throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(new InetSocketAddress(host, port), 20_000);
            channel.socket().setSoTimeout(20_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String handshake = "GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
            channel.write(ByteBuffer.wrap(handshake.getBytes(StandardCharsets.US_ASCII)));
            InputStream stream = channel.socket().getInputStream();
            int headerEnd = -1;
            while (headerEnd < 0) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) throw new IOException("closed during the handshake");
                in.position(in.position() + n);
                headerEnd = indexOf(in.array(), in.position(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (headerEnd < 0 && !in.hasRemaining()) throw new IOException("handshake answer too long");
            }
            String status = new String(in.array(), 0, Math.max(0, indexOf(in.array(), headerEnd, "\r\n".getBytes(StandardCharsets.US_ASCII))), StandardCharsets.US_ASCII);
            if (!status.startsWith("HTTP/1.1 101")) {
                channel.close();
                throw new IOException("handshake answered " + status);
            }
            // keep what followed the header (frames sent right after the upgrade)
            in.flip();
            in.position(headerEnd + 4);
            in.compact();
            channel.configureBlocking(false);
        }

        void read(SelectionKey key, long now) {
            try {
                int n = channel.read(in);
                if (n < 0) {
                    key.cancel();
                    ended("closed by the server");
                    return;
                }
                frames(now);
            } catch (IOException e) {
                key.cancel();
                ended(e.toString());
            }
        }

        /** Parses the complete frames in the buffer (in write mode before and after). */
        void frames(long now) throws IOException {
            in.flip();
            while (in.remaining() >= 2) {
                int at = in.position();
                int b0 = in.get(at) & 0xff;
                int b1 = in.get(at + 1) & 0xff;
                long length = b1 & 0x7f;
                int header = 2;
                if (length == 126) {
                    if (in.remaining() < 4) break;
                    length = in.getShort(at + 2) & 0xffff;
                    header = 4;
                } else if (length == 127) {
                    if (in.remaining() < 10) break;
                    length = in.getLong(at + 2);
                    header = 10;
                }
                if (in.remaining() < header + length) {
                    if (header + length > in.capacity()) {   // a frame larger than the buffer: grow it
                        ByteBuffer bigger = ByteBuffer.allocate((int) (header + length) * 2);
                        bigger.put(in);
                        in = bigger;
                        return;
                    }
                    break;
                }
                int opcode = b0 & 0x0f;
                int payload = at + header;
                if (opcode == 0x1 || opcode == 0x0) {
                    if ((b0 & 0x80) != 0 && fragments.size() == 0) {
                        text(new String(in.array(), payload, (int) length, StandardCharsets.UTF_8), now);
                    } else {
                        fragments.write(in.array(), payload, (int) length);
                        if ((b0 & 0x80) != 0) {
                            text(fragments.toString(StandardCharsets.UTF_8), now);
                            fragments.reset();
                        }
                    }
                } else if (opcode == 0x9) {
                    send(0xA, Arrays.copyOfRange(in.array(), payload, payload + (int) length));
                } else if (opcode == 0x8) {
                    ended("close frame");
                }
                in.position(at + header + (int) length);
            }
            in.compact();
        }

        private void text(String text, long now) {
            String type = stringField(text, "type");
            if ("complete".equals(type)) {
                String id = stringField(text, "messageId");
                long[] times = completeAt.computeIfAbsent(id, k -> {
                    completeOrder.add(k);
                    return new long[socketCount];
                });
                times[index] = now;
            } else if ("ready".equals(type)) {
                readyEvents.incrementAndGet();
            } else if ("error".equals(type)) {
                if (errors.size() < 20) errors.add("socket " + index + ": " + text);
            }
        }

        void sendText(String text) throws IOException {
            send(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        /** A masked frame (clients must mask), written whole. */
        private synchronized void send(int opcode, byte[] payload) throws IOException {
            ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
            frame.put((byte) (0x80 | opcode));
            if (payload.length < 126) {
                frame.put((byte) (0x80 | payload.length));
            } else if (payload.length < 65_536) {
                frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
            } else {
                frame.put((byte) (0x80 | 127)).putLong(payload.length);
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < payload.length; i++) frame.put((byte) (payload[i] ^ mask[i & 3]));
            frame.flip();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (frame.hasRemaining()) {
                if (channel.write(frame) == 0) {
                    if (System.nanoTime() > until) throw new IOException("socket " + index + ": write stalled");
                    Thread.onSpinWait();
                }
            }
        }

        void close() {
            done = true;
            try {
                send(0x8, new byte[] {0x03, (byte) 0xE8});   // 1000, normal closure
                channel.close();
            } catch (IOException e) {
                // going anyway
            }
        }

        private void ended(String why) {
            if (done) return;
            done = true;
            closed.incrementAndGet();
            if (errors.size() < 20) errors.add("socket " + index + " " + why);
        }

        static int indexOf(byte[] data, int limit, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= limit; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) continue outer;
                }
                return i;
            }
            return -1;
        }
    }

    // ------------------------------------------------------------------ users

    static final class User {
        final int index;
        final String email;
        String token;
        String documentId;
        String sessionId;
        String fillVerdict;

        User(int index, String email) {
            this.index = index;
            this.email = email;
        }
    }

    static List<User> setUpUsers(int count, boolean withSession) throws Exception {
        int concurrency = intOpt("setup-concurrency", 8);
        long indexTimeout = durationNanos(opt("index-timeout", "300s"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        byte[] pdf = pdf("LectaVera bench: cell biology", FACTS);
        String accounts = opt("accounts", gateway);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) users.add(new User(i, "bench-" + run + "-" + i + "@example.test"));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        progress("setting up %d users (register, log in, upload a 1-page PDF) through %s ...", count, gateway);
        AtomicInteger done = new AtomicInteger();
        runAll(users, concurrency, user -> {
            String password = "Bench-" + UUID.randomUUID();
            // Accounts are made at auth-service itself when `accounts=` names it (bench/run does): the gateway's
            // registrations limit (10 an hour per address) would stop a harness that signs up 200 students.
            HttpResponse<String> r = postJson(accounts, "/api/v1/auth/register", null,
                    "{\"email\":\"" + user.email + "\",\"password\":\"" + password + "\",\"fullName\":\"Bench User " + user.index + "\"}");
            if (r.statusCode() != 201) throw new IllegalStateException("register " + r.statusCode() + " " + r.body());
            r = postJson(accounts, "/api/v1/auth/login", null, "{\"email\":\"" + user.email + "\",\"password\":\"" + password + "\"}");
            if (r.statusCode() != 200) throw new IllegalStateException("login " + r.statusCode() + " " + r.body());
            user.token = stringField(r.body(), "accessToken");
            r = upload(user.token, pdf, "Cell biology " + user.index);
            if (r.statusCode() != 202 && r.statusCode() != 200) throw new IllegalStateException("upload " + r.statusCode() + " " + r.body());
            user.documentId = stringField(r.body(), "id");
            int n = done.incrementAndGet();
            if (n % 50 == 0) progress("  %d/%d users uploaded", n, count);
        }, failures);
        List<User> uploaded = users.stream().filter(u -> u.documentId != null).toList();
        if (uploaded.isEmpty()) throw new HarnessBroke("no user could be set up: " + failures.subList(0, Math.min(3, failures.size())));

        // Wait for INDEXED, polling gently (the status calls count in the default rate class).
        Map<String, User> pending = new ConcurrentHashMap<>();
        uploaded.forEach(u -> pending.put(u.documentId, u));
        long deadline = System.nanoTime() + indexTimeout;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            runAll(new ArrayList<>(pending.values()), 16, user -> {
                HttpResponse<String> s = get("/api/v1/documents/" + user.documentId + "/status", user.token);
                String status = s.statusCode() == 200 ? stringField(s.body(), "status") : "HTTP " + s.statusCode();
                if ("INDEXED".equals(status)) pending.remove(user.documentId);
                else if ("FAILED".equals(status) || "NEEDS_OCR".equals(status)) {
                    pending.remove(user.documentId);
                    user.documentId = null;
                    failures.add("document " + status + ": " + s.body());
                }
            });
            progress("  %d/%d documents indexed", uploaded.size() - pending.size(), uploaded.size());
        }
        pending.values().forEach(u -> u.documentId = null);
        List<User> indexed = uploaded.stream().filter(u -> u.documentId != null).toList();
        if (withSession) {
            runAll(indexed, concurrency, user -> {
                HttpResponse<String> s = postJson("/api/v1/study/sessions", user.token,
                        "{\"title\":\"Bench session\",\"documentIds\":[\"" + user.documentId + "\"]}");
                if (s.statusCode() != 201) throw new IllegalStateException("session " + s.statusCode() + " " + s.body());
                user.sessionId = stringField(s.body(), "id");
            }, failures);
        }
        List<User> ready = indexed.stream().filter(u -> !withSession || u.sessionId != null).toList();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        progress("set-up: %d/%d users ready in %d s", ready.size(), count, seconds);
        report.append(String.format(Locale.ROOT, "_Set-up: %d of %d users ready in %d s%s._%n%n", ready.size(), count, seconds,
                failures.isEmpty() ? "" : " (" + failures.size() + " failures, first: " + failures.get(0).replace('\n', ' ') + ")"));
        if (ready.isEmpty()) throw new HarnessBroke("no user is ready: " + failures.subList(0, Math.min(3, failures.size())));
        return ready;
    }

    // ------------------------------------------------------------------ open workload

    interface Action {
        void send(User user, long k, long intendedNanos, boolean measured) throws Exception;
    }

    static final class OpenLoad {
        final List<User> users;
        final long period;
        final long warmup;
        final long duration;
        final Action action;
        final AtomicLong intended = new AtomicLong();
        final AtomicLong lateSends = new AtomicLong();
        final AtomicInteger inFlight = new AtomicInteger();

        OpenLoad(List<User> users, long period, long warmup, long duration, Action action) {
            this.users = users;
            this.period = period;
            this.warmup = warmup;
            this.duration = duration;
            this.action = action;
        }

        /** The UTC time of day of a System.nanoTime() reading of this run (for lining answers up with other logs). */
        LongFunction<String> wallClock() {
            long nanoNow = System.nanoTime();
            Instant now = Instant.now();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
            return nanos -> time.format(now.minusNanos(nanoNow - nanos));
        }

        void run() throws InterruptedException {
            long start = System.nanoTime() + 200_000_000L;
            long measureFrom = start + warmup;
            long end = measureFrom + duration;
            List<Thread> schedulers = new ArrayList<>();
            Thread hook = Thread.ofPlatform().daemon().start(() -> {
                sleepUntil(measureFrom);
                windowHook("start");
                sleepUntil(end);
                windowHook("end", Long.toString(intended.get()));
            });
            for (User user : users) {
                long phase = ThreadLocalRandom.current().nextLong(period);
                schedulers.add(Thread.ofVirtual().start(() -> {
                    for (long k = 0; ; k++) {
                        long at = start + phase + k * period;
                        if (at >= end) break;
                        sleepUntil(at);
                        if (System.nanoTime() - at > 5_000_000L) lateSends.incrementAndGet();
                        boolean measured = at >= measureFrom;
                        if (measured) intended.incrementAndGet();
                        long kk = k;
                        inFlight.incrementAndGet();
                        Thread.ofVirtual().start(() -> {
                            try {
                                action.send(user, kk, at, measured);
                            } catch (Exception e) {
                                System.err.println("request failed: " + e);
                            } finally {
                                inFlight.decrementAndGet();
                            }
                        });
                    }
                }));
            }
            long reportEvery = 10_000_000_000L;
            long nextReport = start + reportEvery;
            for (Thread t : schedulers) {
                while (!t.join(Duration.ofMillis(500))) {
                    if (System.nanoTime() > nextReport) {
                        progress("  %ds elapsed, %d in flight", (System.nanoTime() - start) / 1_000_000_000L, inFlight.get());
                        nextReport += reportEvery;
                    }
                }
            }
            hook.join();
            long drainUntil = System.nanoTime() + 40_000_000_000L;
            while (inFlight.get() > 0 && System.nanoTime() < drainUntil) Thread.sleep(20);
        }

        /**
         * Runs the {@code window-hook=} command (bench/run's CPU snapshots and profiles) with the given arguments at
         * the measured window's start and end; its failure is reported, never fatal.
         */
        static void windowHook(String... args) {
            String command = opt("window-hook", "");
            if (command.isEmpty()) return;
            List<String> line = new ArrayList<>(List.of(command));
            line.addAll(List.of(args));
            try {
                Process process = new ProcessBuilder(line).inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (process.waitFor() != 0) System.err.println("window hook " + line + " exited " + process.exitValue());
            } catch (Exception e) {
                System.err.println("window hook " + line + " failed: " + e);
            }
        }

        static void sleepUntil(long at) {
            long left;
            while ((left = at - System.nanoTime()) > 0) LockSupport.parkNanos(left);
        }
    }

    static final class Recorder {
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

        void record(long nanos, String status) {
            latencies.add(nanos);
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        }

        void note(String text) {
            if (notes.size() < 10) notes.add(text);
        }

        List<String> notes() {
            return notes;
        }

        long count() {
            return latencies.size();
        }

        long fiveXx() {
            return statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5") || e.getKey().startsWith("error"))
                    .mapToLong(e -> e.getValue().sum()).sum();
        }

        String histogram() {
            if (statuses.isEmpty()) return "(none)";
            StringBuilder b = new StringBuilder();
            new TreeMap<>(statuses).forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(": ").append(v.sum()));
            return b.toString();
        }

        double percentileMs(double q) {
            synchronized (latencies) {
                return pct(latencies, q);
            }
        }

        String row(String label) {
            synchronized (latencies) {
                return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", label, latencies.size(),
                        ms(pct(latencies, 0.5)), ms(pct(latencies, 0.95)), ms(pct(latencies, 0.99)), ms(pct(latencies, 1.0)));
            }
        }
    }

    static String row3(String label, List<Long> values) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", label, values.size(),
                ms(pct(values, 0.5)), ms(pct(values, 0.99)), ms(pct(values, 1.0)));
    }

    /** Nearest-rank percentile in milliseconds; NaN when there is no value. */
    static double pct(List<Long> values, double q) {
        if (values.isEmpty()) return Double.NaN;
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "-" : fmt(value) + " ms";
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) return "-";
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    // ------------------------------------------------------------------ HTTP helpers

    interface UserTask {
        void run(User user) throws Exception;
    }

    static void runAll(List<User> users, int concurrency, UserTask task) throws InterruptedException {
        runAll(users, concurrency, task, null);
    }

    /** Runs the task for every user, at most {@code concurrency} at once; failures go to the list (or stderr). */
    static void runAll(List<User> users, int concurrency, UserTask task, List<String> failures) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (User user : users) {
                permits.acquire();
                executor.submit(() -> {
                    try {
                        task.run(user);
                    } catch (Exception e) {
                        if (failures != null) failures.add("user " + user.index + ": " + e.getMessage());
                        else System.err.println("user " + user.index + ": " + e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        return postJson(gateway, path, token, json);
    }

    static HttpResponse<String> postJson(String base, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(String token, byte[] pdf, String title) throws Exception {
        String boundary = "lv-bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cell-biology.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/documents")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ tiny PDF and JSON

    /** A valid one-page PDF (Helvetica, one line per fact) written by hand: catalog, pages, page, font, content. */
    static byte[] pdf(String title, String[] lines) {
        StringBuilder content = new StringBuilder("BT /F1 16 Tf 72 740 Td (" + pdfEscape(title) + ") Tj ET\n");
        content.append("BT /F1 11 Tf 72 710 Td 16 TL\n");
        for (String line : lines) content.append('(').append(pdfEscape(line)).append(") Tj T*\n");
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                "<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.ISO_8859_1) + "endstream");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = out.size();
        StringBuilder tail = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) tail.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        tail.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(tail.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static String pdfEscape(String s) {
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    /** The first string value of {@code "name": "..."} in a JSON text (no escapes inside the values we read). */
    static String stringField(String json, String name) {
        // compiled once per field name: the fan-out reader calls this for every frame
        Matcher m = FIELD_PATTERNS.computeIfAbsent(name,
                n -> Pattern.compile("\"" + Pattern.quote(n) + "\"\\s*:\\s*\"([^\"]*)\"")).matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String after(String text, String marker) {
        int i = text.indexOf(marker);
        return i < 0 ? "" : text.substring(i);
    }

    static String snippet(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).replace('\n', ' ');
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    // ------------------------------------------------------------------ options and output

    static String opt(String key, String fallback) {
        return opts.getOrDefault(key, fallback);
    }

    static int intOpt(String key, int fallback) {
        return Integer.parseInt(opt(key, Integer.toString(fallback)));
    }

    /** "60s", "2m", "500ms" or plain seconds. */
    static long durationNanos(String text) {
        String t = text.trim();
        if (t.endsWith("ms")) return TimeUnit.MILLISECONDS.toNanos(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s")) return (long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1e9);
        if (t.endsWith("m")) return (long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 60e9);
        return (long) (Double.parseDouble(t) * 1e9);
    }

    static void summary(String measure, String goal, String result, boolean met) throws Exception {
        String file = opts.get("summary");
        if (file == null) return;
        Files.writeString(Path.of(file), measure + "\t" + goal + "\t" + result + "\t" + (met ? "yes" : "no") + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "  [%tT] " + format + "%n", prepend(new java.util.Date(), args));
    }

    static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static final class HarnessBroke extends RuntimeException {
        HarnessBroke(String message) {
            super(message);
        }
    }
}
