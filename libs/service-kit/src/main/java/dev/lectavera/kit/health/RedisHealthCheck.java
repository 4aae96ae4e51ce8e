package dev.lectavera.kit.health;

import dev.lectavera.kit.revocation.RevocationMirror;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Reports Redis in readiness but never fails it: Redis is an optional speed-up here, and a
 * Redis outage must degrade speed, not take the service out of rotation. Also says whether revocation notices
 * arrive ({@code revocations}: {@code mirrored}, or {@code last known} while the subscription is down).
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
                .map(pong -> HealthCheckResponse.named("redis").up().withData("redis", "up")
                        .withData("revocations", revocationState()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis").up()
                        .withData("redis", "down, running without cache")
                        .withData("revocations", revocationState()).build());
    }

    private String revocationState() {
        return revocations.subscribed() ? "mirrored" : "last known";
    }
}
