package dev.lectavera.system;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.awaitility.pollinterval.IterativePollInterval;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * What the bad-input and IDOR sweeps share: the endpoint inventory read from the services' OpenAPI documents,
 * an HTTP client that records every (request, status) pair, students registered through the gateway, a
 * student's library (an indexed document, a session with a question and answer, an archived session, a quiz
 * with a graded attempt), and forged JWTs.
 */
final class SweepFixture {

    static final Duration PROCESSING = Duration.ofMinutes(2);
    static final String PASSWORD_PREFIX = "sweep passphrase ";
    private static final List<String> SERVICES = List.of("auth", "document", "study", "quiz", "analytics");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]*}");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** The gateway's own endpoint (it also appears in the gateway's OpenAPI). */
    static final Endpoint RATE_LIMIT_STATUS = new Endpoint("GET", "/api/v1/users/rate-limit-status");
    /** The study WebSocket is not in any OpenAPI document (websockets-next), but it is an endpoint all the same. */
    static final Endpoint WEBSOCKET = new Endpoint("WS", "/ws/study/{sessionId}");

    private SweepFixture() {
    }

    // ---------------------------------------------------------------------------------------------- inventory

    /** A method and a path template; template variables compare equal whatever their names. */
    record Endpoint(String method, String template) implements Comparable<Endpoint> {
        Endpoint {
            method = method.toUpperCase(Locale.ROOT);
            template = TEMPLATE_VARIABLE.matcher(template).replaceAll("{}");
        }

        @Override
        public int compareTo(Endpoint other) {
            return Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method).compare(this, other);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Every (method, path) of the five services' and the gateway's OpenAPI documents, plus the WebSocket. */
    static Set<Endpoint> inventory(LectaVeraSystem.Running running) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (String service : SERVICES) {
            endpoints.addAll(openApiEndpoints(URI.create(running.management(service) + "/q/openapi?format=json")));
        }
        endpoints.addAll(openApiEndpoints(URI.create(running.management("gateway") + "/q/openapi?format=json")));
        endpoints.add(RATE_LIMIT_STATUS);
        endpoints.add(WEBSOCKET);
        return endpoints;
    }

    private static final HttpClient INVENTORY_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Set<Endpoint> openApiEndpoints(URI openApi) {
        HttpResponse<String> response;
        try {
            // HTTP/1.1 and a deadline: the JDK client's default h2c upgrade once hung until the server's 30-minute
            // idle timeout ended it with "EOF reached while reading".
            response = INVENTORY_CLIENT.send(HttpRequest.newBuilder(openApi).timeout(Duration.ofSeconds(30)).GET()
                    .build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError(openApi + " answered " + response.statusCode());
        }
        JsonObject paths = new JsonObject(response.body()).getJsonObject("paths", new JsonObject());
        Set<Endpoint> endpoints = new TreeSet<>();
        for (String path : paths.fieldNames()) {
            if (path.startsWith("/q/")) {
                continue;
            }
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    endpoints.add(new Endpoint(method, path));
                }
            }
        }
        if (endpoints.isEmpty()) {
            throw new AssertionError(openApi + " lists no endpoint");
        }
        return endpoints;
    }

    /** The inventory's endpoints that no case of a sweep's table covers; empty when the table is complete. */
    static Set<Endpoint> uncovered(Set<Endpoint> inventory, Set<Endpoint> table) {
        Set<Endpoint> missing = new TreeSet<>(inventory);
        missing.removeAll(table);
        return missing;
    }

    // ------------------------------------------------------------------------------------------------- HTTP

    /** One request as sent: which sweep case, which endpoint, the concrete target and the answer's status. */
    record Exchange(String caseName, Endpoint endpoint, String target, int status) {
    }

    /** An answer. {@code status} 0 means the transport failed before a status arrived (see {@code error}). */
    record Reply(int status, String contentType, String body, Map<String, List<String>> headers, String error) {
        JsonObject json() {
            return new JsonObject(body);
        }

        boolean problemJson() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String brief() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + (error == null ? "" : " (" + error + ")") + " " + contentType + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** A request to the gateway. */
    static final class Call {
        final Endpoint endpoint;
        final String target;
        String token;
        String contentType;
        /** The body as text when it is text (to tell echoed input from leaked data). */
        String text = "";
        BodyPublisher body = BodyPublishers.noBody();
        final Map<String, String> headers = new LinkedHashMap<>();

        private Call(Endpoint endpoint, String target) {
            this.endpoint = endpoint;
            this.target = target;
        }

        /** {@code target} is the concrete path (and query) of {@code template}. */
        static Call of(String method, String template, String target) {
            return new Call(new Endpoint(method, template), target);
        }

        static Call of(String method, String template) {
            return of(method, template, template);
        }

        Call bearer(String accessToken) {
            this.token = accessToken;
            return this;
        }

        Call json(Object body) {
            return body("application/json", body.toString());
        }

        Call body(String type, String text) {
            this.text = text;
            return body(type, BodyPublishers.ofString(text));
        }

        Call body(String type, BodyPublisher publisher) {
            this.contentType = type;
            this.body = publisher;
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A client address of its own (the gateway believes X-Forwarded-For from loopback, its trusted proxy). */
        Call fromNewAddress() {
            return header("X-Forwarded-For", newClientAddress());
        }
    }

    /** A fresh address in 198.18.0.0/15 (benchmarking range): the auth rate-limit class is keyed by address + email. */
    static String newClientAddress() {
        int n = ADDRESSES.incrementAndGet() + ThreadLocalRandom.current().nextInt(1 << 16) * 4096;
        return "198." + (18 + ((n >> 16) & 1)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /** Talks to the gateway and records every exchange. */
    static final class Http {
        private final HttpClient client;
        private final URI gateway;
        private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

        Http(URI gateway) {
            this(gateway, null);
        }

        /** Connects from {@code localAddress} (e.g. 127.0.0.2: a loopback client the gateway does not trust as a proxy). */
        Http(URI gateway, java.net.InetAddress localAddress) {
            this.gateway = gateway;
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5));
            if (localAddress != null) {
                builder.localAddress(localAddress);
            }
            this.client = builder.build();
        }

        URI gateway() {
            return gateway;
        }

        List<Exchange> exchanges() {
            synchronized (exchanges) {
                return List.copyOf(exchanges);
            }
        }

        Reply send(String caseName, Call call) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + call.target))
                    .timeout(Duration.ofSeconds(90))
                    .method(call.endpoint.method(), call.body);
            if (call.token != null) {
                request.header("Authorization", "Bearer " + call.token);
            }
            if (call.contentType != null) {
                request.header("Content-Type", call.contentType);
            }
            call.headers.forEach(request::header);
            Reply reply;
            try {
                HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
                reply = new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                        response.body(), response.headers().map(), null);
            } catch (IOException e) {
                reply = new Reply(0, null, "", Map.of(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            exchanges.add(new Exchange(caseName, call.endpoint, call.endpoint.method() + " " + call.target, reply.status()));
            return reply;
        }

        /** Opens {@code /ws/study/{sessionId}?token=} and reports what happened within a few seconds. */
        Socket websocket(String caseName, String sessionId, String token, Duration listen) {
            String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            return websocket(caseName, "/ws/study/" + sessionId + query, Map.of(), listen);
        }

        /** Opens {@code target} (path and raw query, sent as written) with extra handshake headers. */
        Socket websocket(String caseName, String target, Map<String, String> headers, Duration listen) {
            URI uri = URI.create("ws://" + gateway.getAuthority() + target);
            List<String> frames = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            StringBuilder partial = new StringBuilder();
            WebSocket.Listener listener = new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        frames.add(partial.toString());
                        partial.setLength(0);
                    }
                    socket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                    closed.complete(statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket socket, Throwable error) {
                    closed.completeExceptionally(error);
                }
            };
            Socket result;
            try {
                WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
                headers.forEach(builder::header);
                WebSocket socket = builder.buildAsync(uri, listener).get(15, TimeUnit.SECONDS);
                Integer closeCode;
                try {
                    closeCode = closed.get(listen.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    closeCode = null;
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(x -> null);
                    socket.abort();
                } catch (ExecutionException e) {
                    closeCode = -1;
                }
                result = new Socket(101, closeCode, List.copyOf(frames), null);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                    Object body = handshake.getResponse().body();
                    result = new Socket(handshake.getResponse().statusCode(), null, List.of(),
                            body == null ? "" : body.toString());
                } else {
                    result = new Socket(0, null, List.of(), e.getCause().toString());
                }
            } catch (TimeoutException e) {
                result = new Socket(0, null, List.of(), "handshake timed out");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            exchanges.add(new Exchange(caseName, WEBSOCKET, "WS " + uri.getRawPath(), result.handshakeStatus()));
            return result;
        }

        /** "endpoints covered 43/43, requests sent 512, statuses {200=…, 400=…}". */
        String summary(String sweep, Set<Endpoint> inventory, Set<Endpoint> covered) {
            List<Exchange> all = exchanges();
            Map<Integer, Long> histogram = all.stream()
                    .collect(Collectors.groupingBy(Exchange::status, TreeMap::new, Collectors.counting()));
            Set<Endpoint> hit = new TreeSet<>(covered);
            hit.retainAll(inventory);
            return sweep + ": endpoints covered " + hit.size() + "/" + inventory.size() + ", requests sent "
                    + all.size() + ", statuses " + histogram;
        }

        List<Exchange> serverErrors() {
            return exchanges().stream().filter(e -> e.status() >= 500 || e.status() == 0).toList();
        }
    }

    /** A WebSocket attempt: handshake status (101 when upgraded), close code if closed, text frames received. */
    record Socket(int handshakeStatus, Integer closeCode, List<String> frames, String error) {
        boolean refused() {
            return (handshakeStatus >= 400 && handshakeStatus < 500)
                    || (handshakeStatus == 101 && closeCode != null && closeCode == 1008);
        }
    }

    // --------------------------------------------------------------------------------------------- students

    record Student(String id, String email, String password, String fullName, String accessToken,
                   String refreshToken) {
    }

    /** Registers and logs in a fresh student through the gateway (auth class: a fresh email has its own bucket). */
    static Student register(Http http, String label) {
        String email = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-") + "-" + UUID.randomUUID()
                + "@example.org";
        String password = PASSWORD_PREFIX + UUID.randomUUID();
        String fullName = "Sweep " + label + " " + UUID.randomUUID();
        // Each student from an address of its own (the per-address registration and auth limits bite per student).
        String address = newClientAddress();
        Reply registered = http.send("setup: register " + label, Call.of("POST", "/api/v1/auth/register")
                .header("X-Forwarded-For", address)
                .json(new JsonObject().put("email", email).put("password", password).put("fullName", fullName)));
        expect(registered, 201, "register " + label);
        Reply login = http.send("setup: login " + label, Call.of("POST", "/api/v1/auth/login")
                .header("X-Forwarded-For", address)
                .json(new JsonObject().put("email", email).put("password", password)));
        expect(login, 200, "login " + label);
        return new Student(registered.json().getString("id"), email, password, fullName,
                login.json().getString("accessToken"), login.json().getString("refreshToken"));
    }

    static Reply expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + reply.brief());
        }
        return reply;
    }

    /**
     * Rate-limit classes of the gateway, and how much of each a pool student may spend in a sweep. A question
     * (POST …/messages) is a default-class request at the gateway; study-service's chat limit (20/min) counts it
     * too (only valid questions: bad input is refused before), and a sweep asks far fewer than that.
     */
    enum RateClass {
        SOCKET(16), UPLOAD(4), SEARCH(26), QUIZ(5), DEFAULT(90);

        final int budget;

        RateClass(int budget) {
            this.budget = budget;
        }

        static RateClass of(Endpoint endpoint) {
            String t = endpoint.template();
            if (endpoint.method().equals("WS")) {
                return SOCKET;
            }
            if (endpoint.method().equals("POST") && t.equals("/api/v1/documents")) {
                return UPLOAD;
            }
            if (endpoint.method().equals("POST") && t.equals("/api/v1/documents/search")) {
                return SEARCH;
            }
            if (endpoint.method().equals("POST")
                    && (t.equals("/api/v1/quiz/generate") || t.equals("/api/v1/quiz/review/flashcards"))) {
                return QUIZ;
            }
            return DEFAULT;
        }
    }

    /**
     * Students to spread a sweep's calls over, so that the gateway's per-user limits are not what answers: each
     * student spends at most its budget per class, then a new one is registered.
     */
    static final class Pool {
        private final Http http;
        private final String label;
        private final List<Student> students = new ArrayList<>();
        private final Map<String, Map<RateClass, Integer>> spent = new LinkedHashMap<>();

        Pool(Http http, String label) {
            this.http = http;
            this.label = label;
        }

        synchronized Student take(RateClass rateClass) {
            for (Student student : students) {
                Map<RateClass, Integer> used = spent.get(student.id());
                if (used.getOrDefault(rateClass, 0) < rateClass.budget) {
                    used.merge(rateClass, 1, Integer::sum);
                    return student;
                }
            }
            Student fresh = register(http, label + "-" + (students.size() + 1));
            students.add(fresh);
            spent.put(fresh.id(), new LinkedHashMap<>(Map.of(rateClass, 1)));
            return fresh;
        }

        /** The gateway said 429: this student is done with that class. */
        synchronized void exhausted(Student student, RateClass rateClass) {
            spent.get(student.id()).put(rateClass, rateClass.budget);
        }

        synchronized List<Student> students() {
            return List.copyOf(students);
        }
    }

    // ---------------------------------------------------------------------------------------------- library

    /** One of everything a student owns. */
    record Library(Student owner, byte[] pdf, String documentId, String documentTitle, String sessionId,
                   String sessionTitle, String questionId, String answerId, String question,
                   String archivedSessionId, String archivedSessionTitle, String quizId, List<String> questionIds,
                   String attemptId, String cardId) {

        /** Strings that only this library holds: none may appear in another student's answers. */
        List<String> secrets() {
            List<String> secrets = new ArrayList<>(List.of(documentId, documentTitle, sessionId, sessionTitle,
                    questionId, answerId, question, archivedSessionId, archivedSessionTitle, owner.id(),
                    owner.email(), owner.fullName()));
            if (quizId != null) {
                secrets.add(quizId);
                secrets.addAll(questionIds);
            }
            if (attemptId != null) {
                secrets.add(attemptId);
            }
            if (cardId != null) {
                secrets.add(cardId);
            }
            return secrets;
        }
    }

    static String upload(Http http, Student owner, byte[] pdf, String title, int expectedStatus) {
        Multipart form = new Multipart().file("file", "notes.pdf", "application/pdf", pdf).field("title", title);
        Reply reply = http.send("setup: upload", form.into(Call.of("POST", "/api/v1/documents").bearer(owner.accessToken())));
        expect(reply, expectedStatus, "upload " + title);
        return reply.json().getString("id");
    }

    static void awaitIndexed(Http http, Student owner, String documentId) {
        await("document " + documentId + " indexed").atMost(PROCESSING)
                .pollInterval(new IterativePollInterval(d -> d.compareTo(Duration.ofSeconds(3)) >= 0 ? d
                        : d.multipliedBy(3).dividedBy(2), Duration.ofMillis(300)))
                .until(() -> {
                    Reply status = http.send("setup: status", Call.of("GET", "/api/v1/documents/{id}/status",
                            "/api/v1/documents/" + documentId + "/status").bearer(owner.accessToken()));
                    expect(status, 200, "status of " + documentId);
                    String value = status.json().getString("status");
                    if (value.equals("FAILED") || value.equals("NEEDS_OCR")) {
                        throw new IllegalStateException("document " + documentId + " ended " + status.body());
                    }
                    return value.equals("INDEXED");
                });
    }

    /**
     * After the document is indexed: a session with a question and its answer, an archived session, a quiz and an
     * attempt (and then a review card of one of its questions).
     */
    static Library library(Http http, Student owner, byte[] pdf, String documentId, String documentTitle,
                           boolean withAttempt) {
        String marker = UUID.randomUUID().toString();
        String sessionTitle = "Session " + marker;
        Reply session = http.send("setup: session", Call.of("POST", "/api/v1/study/sessions").bearer(owner.accessToken())
                .json(new JsonObject().put("title", sessionTitle).put("documentIds", new JsonArray().add(documentId))));
        expect(session, 201, "create session");
        String sessionId = session.json().getString("id");
        String question = "Which organelle produces ATP? (asked by " + marker + ")";
        Reply asked = http.send("setup: ask", Call.of("POST", "/api/v1/study/sessions/{id}/messages",
                        "/api/v1/study/sessions/" + sessionId + "/messages").bearer(owner.accessToken())
                .json(new JsonObject().put("content", question)));
        expect(asked, 200, "ask");

        String archivedTitle = "Archived " + marker;
        Reply second = http.send("setup: session", Call.of("POST", "/api/v1/study/sessions").bearer(owner.accessToken())
                .json(new JsonObject().put("title", archivedTitle).put("documentIds", new JsonArray().add(documentId))));
        expect(second, 201, "create second session");
        String archivedId = second.json().getString("id");
        Reply archived = http.send("setup: archive", Call.of("POST", "/api/v1/study/sessions/{id}/archive",
                "/api/v1/study/sessions/" + archivedId + "/archive").bearer(owner.accessToken()));
        expect(archived, 200, "archive");

        Reply quiz = http.send("setup: quiz", Call.of("POST", "/api/v1/quiz/generate").bearer(owner.accessToken())
                .json(new JsonObject().put("documentIds", new JsonArray().add(documentId)).put("count", 3)));
        expect(quiz, 201, "generate quiz");
        String quizId = quiz.json().getString("id");
        List<String> questionIds = quiz.json().getJsonArray("questions").stream()
                .map(q -> ((JsonObject) q).getString("id")).toList();
        String attemptId = null;
        String cardId = null;
        if (withAttempt) {
            JsonArray answers = new JsonArray();
            questionIds.forEach(id -> answers.add(new JsonObject().put("questionId", id).put("answer", "x")));
            Reply attempt = http.send("setup: attempt", Call.of("POST", "/api/v1/quiz/{id}/attempts",
                            "/api/v1/quiz/" + quizId + "/attempts").bearer(owner.accessToken())
                    .json(new JsonObject().put("answers", answers).put("timeSpentSeconds", 42)));
            expect(attempt, 201, "attempt");
            attemptId = attempt.json().getString("id");
            // the attempt's misses are review cards; saving the first question finds (or makes) its card
            Reply card = http.send("setup: review card", Call.of("POST", "/api/v1/quiz/review/cards/from-question")
                    .bearer(owner.accessToken()).json(new JsonObject().put("questionId", questionIds.getFirst())));
            if (card.status() != 200 && card.status() != 201) {
                throw new IllegalStateException("save a question as a card: " + card.brief());
            }
            cardId = card.json().getString("id");
        }
        return new Library(owner, pdf, documentId, documentTitle, sessionId, sessionTitle,
                asked.json().getJsonObject("question").getString("id"),
                asked.json().getJsonObject("answer").getString("id"), question, archivedId, archivedTitle, quizId,
                questionIds, attemptId, cardId);
    }

    // -------------------------------------------------------------------------------------------- multipart

    /** A multipart/form-data body, streamed from its parts (a part may be a generated stream of any size). */
    static final class Multipart {
        private final String boundary = "sweep-" + UUID.randomUUID();
        private final List<Object> pieces = new ArrayList<>();
        private long length;

        Multipart field(String name, String value) {
            text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            return file(name, filename, type, content.length, () -> new java.io.ByteArrayInputStream(content));
        }

        Multipart file(String name, String filename, String type, long size, java.util.function.Supplier<InputStream> content) {
            text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            pieces.add(content);
            length += size;
            text("\r\n");
            return this;
        }

        private void text(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            pieces.add(bytes);
            length += bytes.length;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        /** The body with its Content-Length; {@code chunked} streams it without one. */
        Call into(Call call, boolean chunked) {
            byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            long total = length + end.length;
            java.util.function.Supplier<InputStream> stream = () -> {
                List<InputStream> streams = new ArrayList<>();
                for (Object piece : pieces) {
                    if (piece instanceof byte[] bytes) {
                        streams.add(new java.io.ByteArrayInputStream(bytes));
                    } else {
                        @SuppressWarnings("unchecked")
                        java.util.function.Supplier<InputStream> supplier = (java.util.function.Supplier<InputStream>) piece;
                        streams.add(supplier.get());
                    }
                }
                streams.add(new java.io.ByteArrayInputStream(end));
                return new java.io.SequenceInputStream(Collections.enumeration(streams));
            };
            BodyPublisher body = chunked ? BodyPublishers.ofInputStream(stream)
                    : BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(stream), total);
            return call.body(contentType(), body);
        }

        Call into(Call call) {
            return into(call, false);
        }
    }

    /** {@code size} bytes that start like a PDF and go on with zeros, generated as they are read. */
    static InputStream pdfLikeStream(long size) {
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                int value = position < head.length ? head[(int) position] : 0;
                position++;
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(count, size - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = position + i < head.length ? head[(int) (position + i)] : 0;
                }
                position += n;
                return n;
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /** Hand-made JWTs: the attacks a verifier must refuse. */
    static final class Tokens {
        private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

        final String kid;
        final PublicKey publicKey;
        /** The system's real signing key when the system test left it readable (see {@link #load}); else empty. */
        final Optional<PrivateKey> realKey;
        final KeyPair foreign;

        private Tokens(String kid, PublicKey publicKey, Optional<PrivateKey> realKey, KeyPair foreign) {
            this.kid = kid;
            this.publicKey = publicKey;
            this.realKey = realKey;
            this.foreign = foreign;
        }

        /**
         * The public key and kid from the JWKS (through the gateway), and the real private key if the PEM that
         * LectaVeraSystem gave auth-service sits next to the logs directory and matches the JWKS.
         */
        static Tokens load(Http http, LectaVeraSystem.Running running) {
            Reply jwks = expect(http.send("setup: jwks", Call.of("GET", "/.well-known/jwks.json")), 200, "jwks");
            JsonObject key = jwks.json().getJsonArray("keys").getJsonObject(0);
            Base64.Decoder decoder = Base64.getUrlDecoder();
            BigInteger modulus = new BigInteger(1, decoder.decode(key.getString("n")));
            BigInteger exponent = new BigInteger(1, decoder.decode(key.getString("e")));
            try {
                PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
                Optional<PrivateKey> real = Optional.empty();
                Path pem = running.log("auth").toAbsolutePath().getParent().getParent().resolve("jwt-private.pem");
                if (Files.isRegularFile(pem)) {
                    String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                    PrivateKey candidate = KeyFactory.getInstance("RSA")
                            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
                    if (candidate instanceof RSAPrivateCrtKey crt && crt.getModulus().equals(modulus)) {
                        real = Optional.of(candidate);
                    }
                }
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return new Tokens(key.getString("kid"), publicKey, real, generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static JsonObject claims(String subject, String email, String issuer, Instant issuedAt, Instant expiresAt) {
            return new JsonObject().put("iss", issuer).put("sub", subject).put("upn", email).put("email", email)
                    .put("groups", new JsonArray().add("user")).put("jti", UUID.randomUUID().toString())
                    .put("iat", issuedAt.getEpochSecond()).put("exp", expiresAt.getEpochSecond());
        }

        static JsonObject validClaims(String subject, String email) {
            Instant now = Instant.now();
            return claims(subject, email, "lectavera-auth", now.minusSeconds(5), now.plus(Duration.ofMinutes(10)));
        }

        String rs256(PrivateKey key, JsonObject claims) {
            String signingInput = encode(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", kid))
                    + "." + encode(claims);
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(key);
                signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + B64.encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** HS256 keyed with the server's own public key (PEM text): the classic algorithm-confusion attack. */
        String hs256WithPublicKey(JsonObject claims) {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            String signingInput = encode(new JsonObject().put("alg", "HS256").put("typ", "JWT").put("kid", kid))
                    + "." + encode(claims);
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
                return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static String algNone(JsonObject claims) {
            return encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + encode(claims) + ".";
        }

        /** A real token with its payload replaced (signature kept): e.g. somebody else's {@code sub}. */
        static String tampered(String realToken, java.util.function.UnaryOperator<JsonObject> change) {
            String[] parts = realToken.split("\\.");
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return parts[0] + "." + encode(change.apply(claims)) + "." + parts[2];
        }

        private static String encode(JsonObject json) {
            return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
        }
    }
}
