package dev.lectavera.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The six processes are up, and the gateway reaches each of them. */
@ExtendWith(LectaVeraSystem.class)
class PlatformIT {

    @Test
    void everyServiceIsReadyWithDatabaseAndKafka(LectaVeraSystem.Running system) {
        for (String name : new String[]{"auth", "document", "study", "quiz", "analytics"}) {
            given().baseUri(system.service(name).toString()).get("/q/health/ready").then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
        }
    }

    @Test
    void everyProcessIsBuiltToShutDownGracefully(LectaVeraSystem.Running system) {
        // quarkus.shutdown.delay-enabled is a build-time switch: its readiness check is the sign a jar has it, so a
        // rolling update (Kubernetes sets the delay, deploy/README.md) drains every service, the gateway included.
        for (String name : new String[]{"gateway", "auth", "document", "study", "quiz", "analytics"}) {
            given().baseUri(system.service(name).toString()).get("/q/health/ready").then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'Graceful Shutdown' }.status", equalTo("UP"));
        }
    }
}
