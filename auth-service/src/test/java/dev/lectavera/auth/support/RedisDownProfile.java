package dev.lectavera.auth.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Redis at a dead port (the shared Redis keeps running for everyone else). */
public class RedisDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
    }
}
