package dev.lectavera.analytics.support;

import dev.lectavera.testsupport.jwt.AccessTokens;
import dev.lectavera.testsupport.kafka.TestPublisher;
import io.agroal.api.AgroalDataSource;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Base of the end-to-end tests: events go through the real Kafka broker into the running service,
 * figures come back through its HTTP API with a signed token. Each test uses fresh random users, so
 * tests neither see each other's data nor depend on their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EventDrivenTest {

    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    protected final ReadModels readModels;
    protected TestPublisher kafka;

    protected EventDrivenTest(AgroalDataSource dataSource) {
        this.readModels = new ReadModels(dataSource);
    }

    @BeforeAll
    void openProducer() {
        kafka = new TestPublisher();
    }

    @AfterAll
    void closeProducer() {
        kafka.close();
    }

    /** A request as the user: their token; JSON numbers read as doubles/longs for exact comparisons. */
    protected static RequestSpecification as(UUID user) {
        return given().config(DOUBLES).auth().oauth2(AccessTokens.forUser(user));
    }

    protected static ValidatableResponse getOk(UUID user, String path, Map<String, ?> params) {
        return as(user).queryParams(params).get(path).then().statusCode(200);
    }

    protected static ValidatableResponse getOk(UUID user, String path) {
        return getOk(user, path, Map.of());
    }
}
