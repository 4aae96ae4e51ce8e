package dev.lectavera.system;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A rolling update as Kubernetes does it: one of the two study-service instances gets SIGTERM with the shutdown
 * delay its Deployment configures. For the delay it keeps answering requests while its readiness says DOWN (so
 * the Service stops sending it new ones), then it exits; the student's chat goes on through the gateway on the
 * other instance throughout.
 */
@ExtendWith(LectaVeraSystem.class)
class GracefulShutdownIT {

    /** Long enough to observe on a busy machine; Kubernetes' manifests use 5 s. */
    private static final Duration DELAY = Duration.ofSeconds(8);

    @Test
    void aTerminatedInstanceServesThroughItsShutdownDelayWithReadinessDown(LectaVeraSystem.Running system) {
        Student student = Student.register(system);
        String session = student.createSession(student.uploadIndexedDocument());
        system.restartWith("study-2", Map.of(
                "QUARKUS_SHUTDOWN_DELAY", DELAY.toSeconds() + "s",
                "QUARKUS_SHUTDOWN_TIMEOUT", "10s"));
        ProcessHandle stopping = null;
        try {
            RestAssured.given().baseUri(system.management("study-2").toString()).get("/q/health/ready")
                    .then().statusCode(200).body("checks.name", hasItem("Graceful Shutdown"));

            stopping = system.terminate("study-2");
            ProcessHandle terminated = stopping;

            await("readiness DOWN after SIGTERM").atMost(DELAY.minusSeconds(2)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> RestAssured.given().baseUri(system.management("study-2").toString())
                            .get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.name == 'Graceful Shutdown' }.status", equalTo("DOWN")));
            // Still serving meanwhile: a request that reaches it before the Service has caught up is answered.
            Response served = student.api().baseUri(system.service("study-2").toString())
                    .get("/api/v1/study/sessions/" + session);
            assertThat("served during the shutdown delay", served.statusCode(), equalTo(200));
            assertThat(terminated.isAlive(), equalTo(true));

            await("the instance exits after its delay").atMost(Duration.ofSeconds(60)).until(() -> !terminated.isAlive());
            // The chat goes on through the gateway, on the other instance.
            student.ask(session, "Which organelle produces ATP?").then().statusCode(200);
            assertThat(student.transcript(session).size(), equalTo(2));
        } finally {
            if (stopping != null) {
                // the port must be free again before the usual instance comes back
                stopping.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
            }
            system.restart("study-2");
        }
    }
}
