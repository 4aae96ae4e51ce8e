package dev.lectavera.system;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * Two gateway instances ("gateway" and "gateway-2") share one student's default-class bucket (100 per minute as
 * shipped, leased: see the gateway README): requests sent through both at once until each refuses are admitted, all
 * together, within 5 % of the limit and never beyond what one Redis script per request would have admitted (the
 * limit plus the cells refilled while the burst ran). With Redis stopped each instance limits on its own, as before.
 */
@ExtendWith(LectaVeraSystem.class)
class SharedRateLimitIT {

    private static final int LIMIT = 100;
    private static final long INTERVAL_MILLIS = 60_000 / LIMIT;
    private static final String PATH = "/api/v1/users/rate-limit-status";

    @Test
    void twoGatewaysTogetherAdmitTheLimitAndEachFallsBackAloneWithoutRedis(LectaVeraSystem.Running system) {
        List<URI> gateways = List.of(system.gateway(), system.service("gateway-2"));
        for (int run = 1; run <= 3; run++) {
            Burst burst = Burst.until429(gateways, Student.register(system).token);
            System.out.printf("Shared limit run %d: admitted %d (gateway %d, gateway-2 %d) in %d ms; at most %d%n",
                    run, burst.admitted(), burst.admittedBy(0), burst.admittedBy(1), burst.millis(), burst.ceiling());
            assertThat("never more than the limit plus the refills during the burst", burst.admitted(),
                    lessThanOrEqualTo(burst.ceiling()));
            assertThat("within 5 % of the limit", burst.admitted(), greaterThanOrEqualTo(LIMIT * 95 / 100));
            assertThat("the limit bites at both", burst.admittedBy(0), greaterThan(0));
            assertThat(burst.admittedBy(1), greaterThan(0));
        }

        system.stopRedis();
        try {
            for (URI gateway : gateways) {
                Student student = Student.register(system);
                AtomicInteger probes = new AtomicInteger();
                await("the gateway counts in memory").atMost(Student.PROCESSING).untilAsserted(() -> {
                    probes.incrementAndGet();
                    RestAssured.given().baseUri(gateway.toString()).auth().oauth2(student.token).get(PATH)
                            .then().statusCode(200).body("source", equalTo("memory"));
                });
                Burst alone = Burst.until429(List.of(gateway), student.token);
                int admitted = alone.admitted() + probes.get();
                System.out.printf("Redis down, %s alone: admitted %d in %d ms%n", gateway, admitted, alone.millis());
                assertThat("each instance keeps the limit in its own memory", admitted,
                        lessThanOrEqualTo(alone.ceiling() + probes.get()));
                assertThat(admitted, greaterThanOrEqualTo(LIMIT));
            }
        } finally {
            system.startRedis();
        }
        Student after = Student.register(system);
        for (URI gateway : gateways) {
            await("shared limits again").atMost(Student.PROCESSING).untilAsserted(() ->
                    RestAssured.given().baseUri(gateway.toString()).auth().oauth2(after.token).get(PATH)
                            .then().statusCode(200).body("source", equalTo("redis")));
        }
    }

    /** Two clients per gateway, each sending until its first 429; what passed, per gateway, and how long it took. */
    private record Burst(int[] admittedPer, long millis) {

        static Burst until429(List<URI> gateways, String token) {
            ExecutorService clients = Executors.newFixedThreadPool(2 * gateways.size());
            try {
                long start = System.nanoTime();
                List<Future<Integer>> counts = new ArrayList<>();
                for (int client = 0; client < 2 * gateways.size(); client++) {
                    URI gateway = gateways.get(client % gateways.size());
                    counts.add(clients.submit(() -> {
                        int passed = 0;
                        while (true) {
                            int status = RestAssured.given().baseUri(gateway.toString()).auth().oauth2(token).get(PATH).statusCode();
                            if (status == 429) {
                                return passed;
                            }
                            assertThat("only passes and refusals", status, equalTo(200));
                            passed++;
                        }
                    }));
                }
                int[] admitted = new int[gateways.size()];
                for (int client = 0; client < counts.size(); client++) {
                    admitted[client % gateways.size()] += counts.get(client).get(2, TimeUnit.MINUTES);
                }
                return new Burst(admitted, Duration.ofNanos(System.nanoTime() - start).toMillis());
            } catch (Exception e) {
                throw new AssertionError("burst failed", e);
            } finally {
                clients.shutdownNow();
            }
        }

        int admitted() {
            int sum = 0;
            for (int count : admittedPer) {
                sum += count;
            }
            return sum;
        }

        int admittedBy(int gateway) {
            return admittedPer[gateway];
        }

        /** What GCRA admits in a burst of this length: the limit, plus one cell per interval that passed. */
        int ceiling() {
            return LIMIT + (int) (millis / INTERVAL_MILLIS);
        }
    }
}
