package dev.lectavera.kit.trace;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.lectavera.kit.trace.UnexportedInstrumentation.ENDPOINT;
import static dev.lectavera.kit.trace.UnexportedInstrumentation.HTTP_SERVER;
import static dev.lectavera.kit.trace.UnexportedInstrumentation.REDIS_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UnexportedInstrumentationTest {

    private static SmallRyeConfig config(Map<String, String> properties, int ordinal) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", ordinal))
                .withInterceptors(new UnexportedInstrumentation())
                .build();
    }

    @Test
    void withoutAnEndpointTheHttpAndRedisInstrumentationsDefaultToOff() {
        SmallRyeConfig config = config(Map.of("other", "x"), 250);
        assertEquals(Optional.of(false), config.getOptionalValue(HTTP_SERVER, Boolean.class));
        assertEquals(Optional.of(false), config.getOptionalValue(REDIS_CLIENT, Boolean.class));
        assertEquals("x", config.getValue("other", String.class), "other properties pass untouched");
    }

    @Test
    void aBlankEndpointOrQuarkusDefaultEndpointIsNoEndpoint() {
        assertEquals(Optional.of(false), config(Map.of(ENDPOINT, " "), 300).getOptionalValue(HTTP_SERVER, Boolean.class));
        assertEquals(Optional.of(false), config(Map.of(ENDPOINT, UnexportedInstrumentation.DEFAULT_ENDPOINT), 300)
                .getOptionalValue(HTTP_SERVER, Boolean.class));
    }

    @Test
    void anEndpointLeavesQuarkusDefaultsInPlace() {
        SmallRyeConfig config = config(Map.of(ENDPOINT, "http://collector:4317"), 300);
        assertEquals(Optional.empty(), config.getOptionalValue(HTTP_SERVER, Boolean.class), "Quarkus' own default (on)");
        assertEquals(Optional.empty(), config.getOptionalValue(REDIS_CLIENT, Boolean.class));
    }

    @Test
    void aValueSetByTheOperatorWins() {
        SmallRyeConfig config = config(Map.of(HTTP_SERVER, "true"), 250);
        assertEquals(Optional.of(true), config.getOptionalValue(HTTP_SERVER, Boolean.class));
        assertEquals(Optional.of(false), config.getOptionalValue(REDIS_CLIENT, Boolean.class));
    }
}
