package dev.lectavera.gateway.health;

import dev.lectavera.gateway.security.RevocationMirror;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Reports Redis in readiness but never fails it: Redis is an optional speed-up here, and a
 * Redis outage must degrade speed, not take the service out of rotation. {@code revocations} says whether revocation
 * notices arrive ({@code mirrored}) or the last known list is in force ({@code last known}).
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements AsyncHealthCheck {

    private final ReactiveRedisDataSource redis;
    private final RevocationMirror revocations;

    RedisHealthCheck(ReactiveRedisDataSource redis, RevocationMirror revocations) {
        this.redis = redis;
        this.revocations = revocations;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(Duration.ofSeconds(1)).fail()
                .map(pong -> "up")
                .onFailure().recoverWithItem("down, running without cache")
                .map(state -> HealthCheckResponse.named("redis").up().withData("redis", state)
                        .withData("revocations", revocations.subscribed() ? "mirrored" : "last known").build());
    }
}
