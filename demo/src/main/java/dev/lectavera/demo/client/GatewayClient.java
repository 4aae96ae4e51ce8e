package dev.lectavera.demo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small typed client of LectaVera's public API, through the gateway only (REST with {@link HttpClient},
 * the study WebSocket with {@link java.net.http.WebSocket}). Errors: an HTTP error status becomes a
 * {@link GatewayException} carrying the status and the problem body; no answer at all becomes a
 * {@link GatewayUnreachableException}.
 */
public final class GatewayClient {

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final URI gateway;
    private final HttpClient http;
    private final Duration requestTimeout;

    public GatewayClient(URI gateway) {
        this(gateway, Duration.ofSeconds(60));
    }

    public GatewayClient(URI gateway, Duration requestTimeout) {
        String base = gateway.toString();
        this.gateway = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public URI gateway() {
        return gateway;
    }

    /**
     * True when the gateway answers and reaches auth-service: its public key set, a public route. (Health endpoints
     * are on each service's management port, which a client of the gateway does not see.)
     */
    public boolean ready() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/.well-known/jwks.json"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- auth-service ------------------------------------------------------------------------------------

    public Api.User register(String email, String password, String fullName) {
        return send(post("/api/v1/auth/register", null,
                Map.of("email", email, "password", password, "fullName", fullName)), Api.User.class);
    }

    public Api.Tokens login(String email, String password) {
        return send(post("/api/v1/auth/login", null, Map.of("email", email, "password", password)), Api.Tokens.class);
    }

    public Api.User me(String token) {
        return send(get("/api/v1/users/me", token), Api.User.class);
    }

    // ---- document-service --------------------------------------------------------------------------------

    /** Multipart upload: field {@code file} (the PDF) and {@code title}. */
    public Api.Upload upload(String token, String fileName, byte[] pdf, String title) {
        String boundary = "lectavera-demo-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 512);
        writeAscii(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.writeBytes(pdf);
        writeAscii(body, "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        body.writeBytes(title.getBytes(StandardCharsets.UTF_8));
        writeAscii(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = builder("/api/v1/documents", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = exchange(request);
        JsonNode node = read(response, JsonNode.class);
        return new Api.Upload(response.statusCode(), node.path("id").asText(null), node.path("status").asText(null));
    }

    public Api.DocumentStatus documentStatus(String token, String documentId) {
        return send(get("/api/v1/documents/" + documentId + "/status", token), Api.DocumentStatus.class);
    }

    public Api.Document document(String token, String documentId) {
        return send(get("/api/v1/documents/" + documentId, token), Api.Document.class);
    }

    public Api.PageText page(String token, String documentId, int page) {
        return send(get("/api/v1/documents/" + documentId + "/pages/" + page, token), Api.PageText.class);
    }

    // ---- study-service -----------------------------------------------------------------------------------

    public Api.StudySession createStudySession(String token, String title, List<String> documentIds) {
        return send(post("/api/v1/study/sessions", token, Map.of("title", title, "documentIds", documentIds)),
                Api.StudySession.class);
    }

    /** Opens {@code /ws/study/{sessionId}?token=} through the gateway and waits for the server's {@code ready}. */
    public StudySocket openStudySocket(String token, String sessionId, Duration timeout) {
        URI ws = URI.create(gateway.toString().replaceFirst("^http", "ws") + "/ws/study/" + sessionId
                + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        StudySocket.Receiver receiver = new StudySocket.Receiver();
        try {
            java.net.http.WebSocket socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(ws, receiver)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            StudySocket study = new StudySocket(socket, receiver);
            study.awaitReady(timeout);
            return study;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake) {
                Object body = handshake.getResponse().body();
                throw new GatewayException("WebSocket /ws/study/" + sessionId, handshake.getResponse().statusCode(),
                        body == null ? "" : body.toString());
            }
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                throw new GatewayUnreachableException(gateway, cause);
            }
            throw new IllegalStateException("WebSocket /ws/study/" + sessionId + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("WebSocket /ws/study/" + sessionId + " did not open within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- quiz-service ------------------------------------------------------------------------------------

    public Api.Quiz generateQuiz(String token, List<String> documentIds, int count, String difficulty) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentIds", documentIds);
        body.put("count", count);
        body.put("difficulty", difficulty);
        return send(post("/api/v1/quiz/generate", token, body), Api.Quiz.class);
    }

    public Api.Attempt submitAttempt(String token, String quizId, List<Api.AnswerSubmission> answers,
                                     int timeSpentSeconds) {
        return send(post("/api/v1/quiz/" + quizId + "/attempts", token,
                Map.of("answers", answers, "timeSpentSeconds", timeSpentSeconds)), Api.Attempt.class);
    }

    // ---- quiz-service: spaced review --------------------------------------------------------------------

    public Api.ReviewQueue reviewQueue(String token) {
        return send(get("/api/v1/quiz/review/queue", token), Api.ReviewQueue.class);
    }

    public Api.Card saveQuestionAsCard(String token, String questionId) {
        return send(post("/api/v1/quiz/review/cards/from-question", token, Map.of("questionId", questionId)),
                Api.Card.class);
    }

    /** Reviews a card with the answer the student typed; its grade suggests the rating. */
    public Api.ReviewResult reviewCard(String token, String cardId, String typedAnswer) {
        return send(post("/api/v1/quiz/review/cards/" + cardId + "/reviews", token, Map.of("answer", typedAnswer)),
                Api.ReviewResult.class);
    }

    // ---- analytics-service -------------------------------------------------------------------------------

    public Api.Overview overview(String token) {
        return send(get("/api/v1/analytics/overview", token), Api.Overview.class);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------

    private URI uri(String path) {
        return URI.create(gateway + path);
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest get(String path, String token) {
        return builder(path, token).GET().build();
    }

    private HttpRequest post(String path, String token, Object body) {
        try {
            return builder(path, token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body of " + path, e);
        }
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        return read(exchange(request), type);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new GatewayUnreachableException(gateway, e);
        } catch (IOException e) {
            throw new IllegalStateException(describe(request) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + describe(request), e);
        }
        if (response.statusCode() >= 400) {
            throw new GatewayException(describe(request), response.statusCode(), response.body());
        }
        return response;
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(describe(response.request()) + " answered " + response.statusCode()
                    + " with a body that is not the expected JSON: " + abbreviate(response.body()), e);
        }
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
