package dev.lectavera.auth.support;

import dev.lectavera.auth.config.AuthConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** An {@link AuthConfig} for plain unit tests: the mapping's defaults plus the given overrides. */
public final class TestConfig {

    private TestConfig() {
    }

    public static AuthConfig authConfig(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AuthConfig.class)
                // Quarkus' converter, so that "5s" parses as it does in the application
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValues(values)
                .build();
        return config.getConfigMapping(AuthConfig.class);
    }

    public static AuthConfig authConfig() {
        return authConfig(Map.of());
    }
}
