package dev.lectavera.auth.support;

import dev.lectavera.contracts.revocation.RevocationKeys;
import dev.lectavera.contracts.revocation.RevocationNotice;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands.RedisSubscriber;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** Listens on {@code lv:revocations} (subscribed once the constructor returns) and waits for one notice. */
public final class RevocationNotices implements AutoCloseable {

    private final List<RevocationNotice> received = new CopyOnWriteArrayList<>();
    private final RedisSubscriber subscriber;

    public RevocationNotices(RedisDataSource redis) {
        this.subscriber = redis.pubsub(String.class).subscribe(RevocationKeys.CHANNEL,
                message -> received.add(RevocationNotice.fromJson(message)));
    }

    /**
     * Waits until a notice revoking exactly this has been published (other tests' and services' notices are ignored;
     * so is the notice's {@code until}, the writer's bookkeeping).
     */
    public void awaitNotice(RevocationNotice expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(expected::revokesSameAs));
    }

    @Override
    public void close() {
        subscriber.unsubscribe();
    }
}
