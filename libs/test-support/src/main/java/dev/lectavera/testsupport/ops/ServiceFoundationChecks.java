package dev.lectavera.testsupport.ops;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static dev.lectavera.testsupport.ops.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operational surface every service has, against the real PostgreSQL, Redis and Kafka of dev/stack: its own
 * database migrated, readiness with database, Kafka and Redis, liveness, metrics, OpenAPI and Swagger UI on the
 * management port and none of them on the public one. A service's {@code @QuarkusTest ServiceFoundationTest}
 * extends this and adds its own.
 */
public abstract class ServiceFoundationChecks {

    private final AgroalDataSource dataSource;
    private final String testDatabase;

    /** {@code testDatabase}: the database the test profile must use, e.g. {@code lv_auth_test}. */
    protected ServiceFoundationChecks(AgroalDataSource dataSource, String testDatabase) {
        this.dataSource = dataSource;
        this.testDatabase = testDatabase;
    }

    @Test
    void flywayMigratedTheOwnDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select current_database(), count(*) from flyway_schema_history where success group by 1")) {
            assertTrue(rs.next(), "no successful migration recorded");
            assertEquals(testDatabase, rs.getString(1), "wrong database");
            assertTrue(rs.getInt(2) >= 1);
        }
    }

    @Test
    void readinessChecksDatabaseKafkaAndReportsRedis() {
        management().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.find { it.name == 'redis' }.data.redis", equalTo("up"));
    }

    @Test
    void livenessStartupMetricsAndOpenApiAnswer() {
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        management().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        management().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }

    @Test
    void operatorEndpointsAreNotServedOnThePublicPort() {
        for (String path : new String[]{"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
        management().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
