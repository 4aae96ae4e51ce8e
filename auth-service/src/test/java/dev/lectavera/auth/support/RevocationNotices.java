package dev.lectavera.auth.support;

import dev.lectavera.kit.revocation.RevocationKeys;
import dev.lectavera.kit.revocation.RevocationNotice;
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

    /** Waits until exactly this notice has been published (other tests' and services' notices are ignored). */
    public void awaitNotice(RevocationNotice expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(expected));
    }

    @Override
    public void close() {
        subscriber.unsubscribe();
    }
}
