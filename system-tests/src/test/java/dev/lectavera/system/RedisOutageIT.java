package dev.lectavera.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Redis is an enhancement: stopped in the middle of a load of chat and document requests, nothing
 * fails — rate limits go on in each gateway's memory, chat answers, documents read from PostgreSQL —
 * and when it is back, the shared limits and revocation work again, an answer asked on one study instance reaches
 * a viewer on the other (the fan-out subscriptions came back by themselves) and the answer cache serves again.
 */
@ExtendWith(LectaVeraSystem.class)
class RedisOutageIT {

    private static final String CACHED_QUESTION = "Where is the genetic material of the cell stored?";

    @Test
    void withRedisStoppedNothingFailsAndEverythingRecovers(LectaVeraSystem.Running system) {
        // The load runs as two students of its own, so their rate limits never touch the checks'.
        Student loader = Student.register(system);
        String loadedDocument = loader.uploadIndexedDocument();
        String loadedSession = loader.createSession(loadedDocument);
        Student browser = Student.register(system);
        Student reader = Student.register(system);
        String document = reader.uploadIndexedDocument();
        String session = reader.createSession(document);
        List<BackgroundLoad.Call> calls = new ArrayList<>();
        for (Student student : List.of(loader, browser)) {
            for (String path : List.of("/api/v1/documents", "/api/v1/study/sessions", "/api/v1/quiz",
                    "/api/v1/analytics/overview", "/api/v1/users/me", "/api/v1/users/rate-limit-status")) {
                calls.add(new BackgroundLoad.Call(path, student.token));
            }
        }
        calls.add(new BackgroundLoad.Call("/api/v1/documents/" + loadedDocument + "/status", loader.token));
        calls.add(new BackgroundLoad.Call("/api/v1/study/sessions/" + loadedSession + "/messages", loader.token));

        try (BackgroundLoad load = new BackgroundLoad(system.gateway(), calls, 2)) {
            await("load running").atMost(Student.PROCESSING).until(() -> load.sent() > 100);
            system.stopRedis();
            try {
                long sentBefore = load.sent();
                whileRedisIsDown(system, reader, document, session);
                await("load through the outage").atMost(Student.PROCESSING).until(() -> load.sent() > sentBefore + 100);
            } finally {
                system.startRedis();
            }
            afterRedisIsBack(system);
            studyRecovered(system, reader, session);
            load.close();
            System.out.printf("Redis outage load: %d requests, statuses %s%n", load.sent(), load.statuses());
            assertThat("no 5xx and no failed request under load", load.failures(), empty());
            assertThat(load.statuses().keySet(), hasItem(200));
        }
    }

    private static void whileRedisIsDown(LectaVeraSystem.Running system, Student reader, String document, String session) {
        // Rate limiting goes on, in this gateway's memory.
        Student limited = Student.register(system);
        await("the gateway counts in memory").atMost(Student.PROCESSING).untilAsserted(() ->
                limited.api().get("/api/v1/users/rate-limit-status").then().statusCode(200).body("source", equalTo("memory")));
        List<Integer> searches = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            searches.add(limited.api().contentType(ContentType.JSON).body(Map.of("query", "cells", "topK", 1))
                    .post("/api/v1/documents/search").statusCode());
        }
        assertThat("first searches pass", searches.get(0), equalTo(200));
        assertThat("the search limit (30/min) still bites", searches, hasItem(429));
        assertThat(searches, not(hasItem(greaterThan(499))));

        // Documents: status from PostgreSQL; chat: answered, over HTTP and over the WebSocket.
        reader.api().get("/api/v1/documents/" + document + "/status").then().statusCode(200).body("status", equalTo("INDEXED"));
        Response asked = reader.ask(session, "What does the nucleus store?");
        assertThat(asked.statusCode(), lessThan(300));
        assertThat(asked.path("answer.content"), notNullValue());
        try (LiveSocket chat = LiveSocket.open(reader.webSocket(session))) {
            chat.ask("How do cells divide?");
            JsonObject answer = chat.awaitEvent("complete", e -> true);
            assertThat(answer.getString("content").toLowerCase(), org.hamcrest.Matchers.containsString("mitosis"));
        }
        reader.api().get("/api/v1/study/sessions/" + session + "/messages").then().statusCode(200);
    }

    /**
     * Asked over a socket on {@code study}, completed on a socket of the same session on {@code study-2}: both
     * instances publish and receive through Redis again. Then the same question over HTTP is a cache hit.
     */
    private static void studyRecovered(LectaVeraSystem.Running system, Student reader, String session) {
        try (LiveSocket onFirst = LiveSocket.open(reader.webSocketOn(system, "study", session));
             LiveSocket onSecond = LiveSocket.open(reader.webSocketOn(system, "study-2", session))) {
            AtomicInteger asked = new AtomicInteger();
            await("an answer asked on study completes on study-2").atMost(Student.PROCESSING)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        List<String> answeredOnFirst = onFirst.events("complete").stream()
                                .map(e -> e.getString("messageId")).toList();
                        if (onSecond.events("complete").stream()
                                .anyMatch(e -> answeredOnFirst.contains(e.getString("messageId")))) {
                            return true;
                        }
                        // ask again only once the previous question was answered (or refused) on study
                        if (answeredOnFirst.size() + onFirst.events("error").size() >= asked.get()) {
                            onFirst.ask(CACHED_QUESTION);
                            asked.incrementAndGet();
                        }
                        return false;
                    });
            JsonObject complete = onSecond.events("complete").getLast();
            assertThat(complete.getString("content").toLowerCase(), org.hamcrest.Matchers.containsString("nucleus"));
        }
        // the answer cache is back: the question answered above is served from it (a poll re-asks once the
        // first answer was written, should Redis still have been cooling down when it was)
        await("the same question over HTTP is a cache hit").atMost(Student.PROCESSING)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Response again = reader.ask(session, CACHED_QUESTION);
                    assertThat(again.statusCode(), equalTo(200));
                    assertThat(again.path("answer.cached"), equalTo(true));
                });
    }

    private static void afterRedisIsBack(LectaVeraSystem.Running system) {
        Student student = Student.register(system);
        await("the gateway shares its limits through Redis again").atMost(Student.PROCESSING).untilAsserted(() ->
                student.api().get("/api/v1/users/rate-limit-status").then().statusCode(200).body("source", equalTo("redis")));

        // Revocation: a token logged out now is refused again.
        String second = student.newToken();
        io.restassured.RestAssured.given().baseUri(system.gateway().toString()).auth().oauth2(second)
                .post("/api/v1/auth/logout").then().statusCode(204);
        await("the revoked token is refused").atMost(Student.PROCESSING).untilAsserted(() ->
                io.restassured.RestAssured.given().baseUri(system.gateway().toString()).auth().oauth2(second)
                        .get("/api/v1/users/me").then().statusCode(401));
        student.api().get("/api/v1/users/me").then().statusCode(200);
    }
}
