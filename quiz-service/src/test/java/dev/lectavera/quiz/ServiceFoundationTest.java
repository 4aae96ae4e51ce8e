package dev.lectavera.quiz;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.lectavera.quiz.support.Users;

import static dev.lectavera.quiz.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's operational surface, against the real PostgreSQL, Redis and Kafka of dev/stack. */
@QuarkusTest
class ServiceFoundationTest {

    private final AgroalDataSource dataSource;

    ServiceFoundationTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void flywayMigratedTheOwnDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select current_database(), count(*) from flyway_schema_history where success group by 1")) {
            assertTrue(rs.next(), "no successful migration recorded");
            assertTrue(rs.getString(1).equals("lv_quiz_test"), "wrong database: " + rs.getString(1));
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

    /** The service kit's mapper: Quarkus' own answers an empty 400 (checked with the kit's mapper removed). */
    @Test
    void aJsonBodyOfTheWrongShapeIsAProblemNamingTheField() {
        Users user = Users.random();
        given().auth().oauth2(user.token()).contentType("application/json").body("[]")
                .post("/api/v1/quiz/generate").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("The body must be a JSON object"));
        given().auth().oauth2(user.token()).contentType("application/json").body("{\"documentIds\": \"x\"}")
                .post("/api/v1/quiz/generate").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("documentIds"));
    }
}
