package dev.lectavera.gateway.apidocs;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiDescriptionsTest {

    @Test
    void aServicesDescriptionIsOnItsManagementPortByDefault() {
        assertEquals(URI.create("http://auth-service:9081/q/openapi?format=json"),
                ApiDescriptions.managementUrlOf(URI.create("http://auth-service:8081")));
        assertEquals(URI.create("http://127.0.0.1:9083/q/openapi?format=json"),
                ApiDescriptions.managementUrlOf(URI.create("http://127.0.0.1:8083/")));
        assertEquals(URI.create("http://study:1080/q/openapi?format=json"), ApiDescriptions.managementUrlOf(URI.create("http://study")));
    }
}
