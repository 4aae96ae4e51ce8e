package dev.lectavera.analytics.event;

import dev.lectavera.analytics.config.AnalyticsConfig;
import dev.lectavera.analytics.event.DecodedEvent.Accepted;
import dev.lectavera.analytics.event.DecodedEvent.Rejected;
import dev.lectavera.analytics.service.ApplyOutcome;
import dev.lectavera.analytics.service.ReadModelUpdater;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Kafka records in, figures updated (or records skipped) out. Bad records never stop a consumer:
 * junk and unknown types are logged and skipped, and so is an event the database refuses for its
 * data. Only a transiently failing database is retried, with back-off; when it stays down through
 * every attempt the exception goes to the connector, which stops the channel rather than lose the
 * event (see application.properties, failure-strategy).
 */
@ApplicationScoped
public class EventIngestor {

    private static final Logger LOG = Logger.getLogger(EventIngestor.class);

    private final EventDecoder decoder;
    private final ReadModelUpdater updater;
    private final AnalyticsConfig config;
    private final MeterRegistry metrics;

    EventIngestor(EventDecoder decoder, ReadModelUpdater updater, AnalyticsConfig config, MeterRegistry metrics) {
        this.decoder = decoder;
        this.updater = updater;
        this.config = config;
        this.metrics = metrics;
    }

    /** One record, in its own transaction (the users topic: a purge must be alone in its transaction). */
    public void ingest(ConsumerRecord<String, String> record) {
        if (decode(record) instanceof Accepted event) {
            applyAlone(record, event);
        }
    }

    /**
     * A poll's worth of records of a fact topic, applied in order in one transaction: one commit
     * instead of hundreds. When the database refuses the batch for its data, the events are applied
     * one by one so that only the offending event is skipped.
     */
    public void ingestBatch(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> acceptedRecords = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (decode(record) instanceof Accepted event) {
                acceptedRecords.add(record);
                accepted.add(event);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        List<ApplyOutcome> outcomes;
        try {
            outcomes = retryingTransientFailures(origin(records.getFirst()) + " (batch of " + accepted.size() + ")",
                    () -> updater.applyAll(accepted));
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            LOG.warnf("A batch of %d events from %s was refused (%s): applying them one by one", accepted.size(),
                    origin(records.getFirst()), e.getMessage());
            for (int i = 0; i < accepted.size(); i++) {
                applyAlone(acceptedRecords.get(i), accepted.get(i));
            }
            return;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            count(acceptedRecords.get(i).topic(), outcomes.get(i).name());
        }
    }

    private DecodedEvent decode(ConsumerRecord<String, String> record) {
        DecodedEvent decoded = decoder.decode(record.value());
        if (decoded instanceof Rejected rejected) {
            LOG.warnf("Skipped record %s: %s (%s)", origin(record), rejected.reason(), rejected.detail());
            count(record.topic(), "skipped-" + rejected.reason().name());
        }
        return decoded;
    }

    private void applyAlone(ConsumerRecord<String, String> record, Accepted event) {
        try {
            ApplyOutcome outcome = retryingTransientFailures(origin(record), () -> updater.apply(event));
            count(record.topic(), outcome.name());
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            LOG.errorf(e, "Skipped event %s (%s) from %s: the database refused it",
                    event.envelope().id(), event.envelope().type(), origin(record));
            count(record.topic(), "failed");
        }
    }

    /** Runs the work, retrying transient database failures with exponential back-off. */
    private <T> T retryingTransientFailures(String origin, Supplier<T> work) {
        Duration backoff = config.consumer().initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (attempt >= config.consumer().maxAttempts()) {
                    LOG.errorf(e, "Events from %s: database still failing after %d attempts; stopping the channel",
                            origin, attempt);
                    throw e;
                }
                LOG.warnf("Events from %s: transient database failure (attempt %d), retrying in %d ms: %s",
                        origin, attempt, backoff.toMillis(), e.getMessage());
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), config.consumer().maxBackoff());
            }
        }
    }

    /**
     * Connection trouble, serialization failures, deadlocks, resource exhaustion or an administrator
     * shutting the server down can succeed on a retry; bad data (SQLSTATE classes 22, 23 and the
     * like) or a bug never will.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("40")
                        || state.startsWith("53") || state.startsWith("57");
            }
            if (t instanceof jakarta.transaction.SystemException
                    || t instanceof jakarta.transaction.RollbackException) {
                return true;
            }
        }
        return false;
    }

    /** Counter {@code lectavera.analytics.events{topic, outcome}}: applied, duplicate, skipped-malformed… */
    private void count(String topic, String outcome) {
        metrics.counter("lectavera.analytics.events", "topic", topic,
                "outcome", outcome.toLowerCase(Locale.ROOT).replace('_', '-')).increment();
    }

    private static String origin(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
