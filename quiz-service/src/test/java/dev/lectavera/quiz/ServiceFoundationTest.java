package dev.lectavera.quiz;

import dev.lectavera.quiz.support.Users;
import dev.lectavera.testsupport.ops.ServiceFoundationChecks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The service's operational surface, against the real PostgreSQL, Redis and Kafka of dev/stack. */
@QuarkusTest
class ServiceFoundationTest extends ServiceFoundationChecks {

    ServiceFoundationTest(AgroalDataSource dataSource) {
        super(dataSource, "lv_quiz_test");
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
