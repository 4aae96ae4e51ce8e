package dev.lectavera.system;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Revocations reach every reader's in-memory mirror through {@code lv:revocations}: a logout or a password change made
 * through one gateway instance is refused through the other and at every service's own port within one second of its
 * answer — also right after a Redis restart, when the mirrors subscribe again and load the list afresh. Prints the
 * measured delays (time from the revoking call's answer until the last reader refused; polled every 10 ms).
 */
@ExtendWith(LectaVeraSystem.class)
class RevocationPropagationIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final int RUNS = 5;
    /** Every reader that must refuse: the second gateway and each service's own port, with a GET its user may make. */
    private static final Map<String, String> READERS = Map.of("gateway-2", "/api/v1/users/me",
            "auth", "/api/v1/users/me", "document", "/api/v1/documents", "study-2", "/api/v1/study/sessions",
            "quiz", "/api/v1/quiz", "analytics", "/api/v1/analytics/overview");

    @Test
    void aLogoutThroughOneGatewayIsRefusedEverywhereWithinASecond(LectaVeraSystem.Running system) {
        List<Long> delays = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Student student = Student.register(system);
            assertEveryReader(system, student.token, 200);

            student.api().post("/api/v1/auth/logout").then().statusCode(204);
            Instant answered = Instant.now();

            awaitRefusedEverywhere(system, student.token);
            delays.add(Duration.between(answered, Instant.now()).toMillis());
        }
        System.out.println("Logout through gateway 1 → refused by gateway 2 and every service, ms: " + delays);
    }

    @Test
    void aPasswordChangeVoidsEveryOlderTokenEverywhereWithinASecond(LectaVeraSystem.Running system) {
        List<Long> delays = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Student student = Student.register(system);
            String older = student.newToken();
            assertEveryReader(system, older, 200);

            student.changePassword("a brand new passphrase " + run + " " + Instant.now().toEpochMilli());
            Instant answered = Instant.now();

            awaitRefusedEverywhere(system, older);
            delays.add(Duration.between(answered, Instant.now()).toMillis());
        }
        System.out.println("Password change through gateway 1 → older token refused everywhere, ms: " + delays);
    }

    @Test
    void afterARedisRestartBothGatewaysHonourRevocationsWithinASecond(LectaVeraSystem.Running system) {
        Student missed = Student.register(system);
        Student later = Student.register(system);
        List<URI> gateways = List.of(system.gateway(), system.service("gateway-2"));
        // Written the way auth-service writes a logout, but with no notice: only a full load can find it. Saved, so
        // that the restarted Redis holds it before any gateway is subscribed again — then only the load that follows
        // the resubscription (not the periodic one, a minute apart) can bring it in time.
        assertEquals("+OK", RedisProbe.write(system.redisPort(), "SETEX", "lv:revoked:" + jtiOf(missed.token), "900", "1"));
        gateways.forEach(gateway -> ok(gateway, missed.token));
        assertEquals("+OK", RedisProbe.write(system.redisPort(), "SAVE"));

        system.stopRedis();
        try {
            // Each gateway notices its subscription is gone (and keeps its last known list meanwhile).
            await("both mirrors lost their subscription").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String gateway : List.of("gateway", "gateway-2")) {
                    revocationsReported(system, gateway, "last known");
                }
            });
        } finally {
            system.startRedisFromSnapshot();
        }
        Instant restarted = Instant.now();
        await("the key is found by both gateways' reload").atMost(WITHIN).pollInterval(POLL).untilAsserted(() ->
                gateways.forEach(gateway -> refused(gateway, missed.token)));
        long reloadDelay = Duration.between(restarted, Instant.now()).toMillis();

        // A logout made now (auth-service's Redis client back too) travels as a notice again.
        await("auth-service reaches Redis again").atMost(Student.PROCESSING).untilAsserted(() ->
                RestAssured.given().baseUri(system.management("auth").toString()).get("/q/health/ready").then()
                        .body("checks.find { it.name == 'redis' }.data.redis", equalTo("up")));
        later.api().post("/api/v1/auth/logout").then().statusCode(204);
        Instant answered = Instant.now();
        await("the logout reaches both gateways").atMost(WITHIN).pollInterval(POLL).untilAsserted(() ->
                gateways.forEach(gateway -> refused(gateway, later.token)));
        long noticeDelay = Duration.between(answered, Instant.now()).toMillis();
        System.out.printf("After a Redis restart: key without notice found by both gateways %d ms after it; "
                + "logout refused by both in %d ms%n", reloadDelay, noticeDelay);
    }

    private static void awaitRefusedEverywhere(LectaVeraSystem.Running system, String token) {
        await("refused by gateway 2 and every service").atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(POLL)
                .untilAsserted(() -> assertEveryReader(system, token, 401));
    }

    private static void assertEveryReader(LectaVeraSystem.Running system, String token, int status) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        READERS.forEach((reader, path) -> answers.put(reader, RestAssured.given().baseUri(system.service(reader).toString())
                .auth().oauth2(token).get(path).statusCode()));
        answers.forEach((reader, answer) -> assertEquals(status, answer, reader + " answered " + answers));
    }

    private static void ok(URI gateway, String token) {
        RestAssured.given().baseUri(gateway.toString()).auth().oauth2(token).get("/api/v1/users/me").then().statusCode(200);
    }

    private static void refused(URI gateway, String token) {
        RestAssured.given().baseUri(gateway.toString()).auth().oauth2(token).get("/api/v1/users/me").then()
                .statusCode(401).body("detail", equalTo("token revoked"));
    }

    private static void revocationsReported(LectaVeraSystem.Running system, String process, String state) {
        RestAssured.given().baseUri(system.management(process).toString()).get("/q/health/ready").then()
                .body("checks.find { it.name == 'redis' }.data.revocations", equalTo(state));
    }

    /** The token's jti (the payload is base64url JSON). */
    private static String jtiOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int start = payload.indexOf("\"jti\":\"") + 7;
        return payload.substring(start, payload.indexOf('"', start));
    }
}
