package dev.lectavera.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The six processes are up, and the gateway reaches each of them. */
@ExtendWith(LectaVeraSystem.class)
class PlatformIT {

    /** Everything a service serves on its management interface, in the forms an attacker would try first. */
    private static final List<String> OPERATOR_PATHS = List.of("/q/health", "/q/health/ready", "/q/health/live",
            "/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui", "/q/swagger-ui/", "/q/dev-ui");

    @Test
    void everyServiceIsReadyWithDatabaseAndKafka(LectaVeraSystem.Running system) {
        for (String name : new String[]{"auth", "document", "study", "quiz", "analytics"}) {
            given().baseUri(system.management(name).toString()).get("/q/health/ready").then()
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
            given().baseUri(system.management(name).toString()).get("/q/health/ready").then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'Graceful Shutdown' }.status", equalTo("UP"));
        }
    }

    @Test
    void operatorEndpointsAreServedOnlyOnTheManagementPorts(LectaVeraSystem.Running system) {
        // Through the one public door, with and without a token: nothing of any service's /q/* comes back.
        String token = Student.register(system).token;
        for (String path : OPERATOR_PATHS) {
            given().baseUri(system.gateway().toString()).get(path).then().statusCode(404);
            given().baseUri(system.gateway().toString()).auth().oauth2(token).get(path).then().statusCode(404);
        }
        for (String name : system.serviceProcesses()) {
            for (String path : OPERATOR_PATHS) {
                given().baseUri(system.service(name).toString()).get(path).then().statusCode(404);
            }
            given().baseUri(system.management(name).toString()).get("/q/health").then()
                    .statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(system.management(name).toString()).get("/q/metrics").then()
                    .statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
        }
    }

    @Test
    void everyProcessExitsOnOutOfMemory(LectaVeraSystem.Running system) {
        // A JVM that ran out of heap must end (and be restarted) rather than linger half-dead with its ports open.
        for (String name : system.serviceProcesses()) {
            List<String> arguments = List.of(system.process(name).info().arguments().orElseThrow(
                    () -> new AssertionError("the arguments of " + name + " are not visible")));
            assertThat(name + " started with " + arguments, arguments, hasItem("-XX:+ExitOnOutOfMemoryError"));
            assertThat(name + " must not switch it off again", arguments.contains("-XX:-ExitOnOutOfMemoryError"),
                    equalTo(false));
        }
    }
}
