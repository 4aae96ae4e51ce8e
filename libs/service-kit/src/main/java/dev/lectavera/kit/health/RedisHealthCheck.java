package dev.lectavera.kit.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Reports Redis in readiness but never fails it: Redis is an optional speed-up here, and a
 * Redis outage must degrade speed, not take the service out of rotation.
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements AsyncHealthCheck {

    private final ReactiveRedisDataSource redis;

    RedisHealthCheck(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(Duration.ofSeconds(1)).fail()
                .map(pong -> HealthCheckResponse.named("redis").up().withData("redis", "up").build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis").up()
                        .withData("redis", "down, running without cache").build());
    }
}
