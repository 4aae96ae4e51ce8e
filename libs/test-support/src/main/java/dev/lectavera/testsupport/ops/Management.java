package dev.lectavera.testsupport.ops;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;

/**
 * The management interface (health, metrics, OpenAPI, Swagger UI): its own port, never the public one. In tests
 * Quarkus binds it to a random port ({@code %test.quarkus.management.test-port=0}) and publishes the one it got.
 */
public final class Management {

    private Management() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A request to the running application's management port. */
    public static RequestSpecification management() {
        return given().port(port());
    }
}
