package dev.lectavera.analytics.bench;

import dev.lectavera.analytics.support.EventDrivenTest;
import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.events.QuizCompleted.QuestionOutcome;
import dev.lectavera.testsupport.jwt.AccessTokens;
import dev.lectavera.testsupport.jwt.JwtKeysResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.analytics.support.TestEvents.chat;
import static dev.lectavera.analytics.support.TestEvents.indexed;
import static dev.lectavera.analytics.support.TestEvents.outcome;
import static dev.lectavera.analytics.support.TestEvents.query;
import static dev.lectavera.analytics.support.TestEvents.quiz;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Endpoint latency for one heavy user: a year (2025) of synthetic events — 5,000 questions, 300 quiz
 * attempts of 10 questions, 200 chat sessions, 40 documents — published through Kafka, then each
 * endpoint called sequentially (warm-up, then timed requests; {@code -Dbench.requests=N}). Tag "bench".
 */
@Tag("bench")
@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class EndpointLatencyBench extends EventDrivenTest {

    private static final String[] MODELS = {"gpt-4o-mini", "llama-3.1-8b", "offline-extractive"};
    private static final String[] VERDICTS = {"CORRECT", "CORRECT", "CORRECT", "AMBIGUOUS", "NOT_FOUND"};

    @TestHTTPResource("/")
    URL baseUrl;

    EndpointLatencyBench(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @Test
    void p95WithAYearOfEvents() throws Exception {
        UUID user = UUID.randomUUID();
        List<EventEnvelope<?>> year = aYearOf(user, new Random(2025));
        long publishStart = System.nanoTime();
        kafka.publish(year);
        readModels.awaitProcessed(year);
        double loadSeconds = (System.nanoTime() - publishStart) / 1e9;

        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("overview", "/api/v1/analytics/overview");
        endpoints.put("overview, tz=Europe/Paris", "/api/v1/analytics/overview?tz=Europe/Paris");
        endpoints.put("activity, last 30 days", "/api/v1/analytics/activity");
        endpoints.put("activity, 2025 by day", "/api/v1/analytics/activity?from=2025-01-01&to=2025-12-31");
        endpoints.put("activity, 2025 by week",
                "/api/v1/analytics/activity?from=2025-01-01&to=2025-12-31&granularity=week");
        endpoints.put("quiz-performance", "/api/v1/analytics/quiz-performance");
        endpoints.put("queries, all", "/api/v1/analytics/queries");
        endpoints.put("queries, one month", "/api/v1/analytics/queries?from=2025-06-01&to=2025-06-30");

        int warmup = Integer.getInteger("bench.warmup", 50);
        int requests = Integer.getInteger("bench.requests", 300);
        String token = AccessTokens.forUser(user);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        StringBuilder table = new StringBuilder("| endpoint | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        for (var endpoint : endpoints.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.toString()).resolve(endpoint.getValue()))
                    .header("Authorization", "Bearer " + token).GET().build();
            for (int i = 0; i < warmup; i++) {
                call(client, request);
            }
            double[] millis = new double[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                call(client, request);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            double[] sorted = BenchResults.sorted(millis);
            table.append("| %s | %.1f | **%.1f** | %.1f | %.1f |%n".formatted(endpoint.getKey(),
                    BenchResults.percentile(sorted, 0.5), BenchResults.percentile(sorted, 0.95),
                    BenchResults.percentile(sorted, 0.99), sorted[sorted.length - 1]));
        }
        BenchResults.write("analytics-endpoint-latency", """
                # analytics-service endpoint latency, one user with a year of events

                %d events for one user over 2025 (5,000 QueryAnswered, 300 QuizCompleted x 10 outcomes,
                200 ChatArchived, 40 DocumentIndexed), loaded through Kafka in %.1f s. Each endpoint: %d warm-up
                requests, then %d sequential timed requests over HTTP on loopback (token verification included).

                %s""".formatted(year.size(), loadSeconds, warmup, requests, table));
    }

    private static void call(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static List<EventEnvelope<?>> aYearOf(UUID user, Random random) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        int yearSeconds = 365 * 86_400;
        List<UUID> documents = new ArrayList<>();
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID document = UUID.randomUUID();
            documents.add(document);
            events.add(indexed(user, document, "Course notes " + i, 20 + random.nextInt(300), 1,
                    start.plusSeconds(random.nextInt(yearSeconds))));
        }
        for (int i = 0; i < 5_000; i++) {
            String model = MODELS[random.nextInt(MODELS.length)];
            events.add(query(user, start.plusSeconds(random.nextInt(yearSeconds)), 150 + random.nextInt(4_000),
                    random.nextInt(5) == 0, VERDICTS[random.nextInt(VERDICTS.length)], model,
                    model.startsWith("offline") ? 0 : 600 + random.nextInt(900), model.startsWith("offline") ? 0 : 150));
        }
        for (int i = 0; i < 300; i++) {
            List<QuestionOutcome> outcomes = new ArrayList<>();
            for (int q = 0; q < 10; q++) {
                outcomes.add(outcome(documents.get(random.nextInt(documents.size())), 1 + random.nextInt(200),
                        "topic-" + random.nextInt(60), random.nextInt(10) < 7));
            }
            events.add(quiz(user, start.plusSeconds(random.nextInt(yearSeconds)), random.nextInt(11), 10,
                    120 + random.nextInt(1_200), outcomes));
        }
        for (int i = 0; i < 200; i++) {
            events.add(chat(user, UUID.randomUUID(), 2 + random.nextInt(40), start.plusSeconds(random.nextInt(yearSeconds)),
                    Duration.ofMinutes(3 + random.nextInt(90))));
        }
        return events;
    }
}
