package dev.lectavera.analytics.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * The four topics analytics reads (group {@code analytics-service}, from the earliest offset). Each
 * channel handles its input one at a time, in order, on a worker thread; offsets are committed once
 * a method returns. The fact topics arrive in batches (one poll, one transaction); the users topic
 * record by record, because a purge must be alone in its transaction (see ReadModelUpdater).
 */
@ApplicationScoped
public class AnalyticsEventConsumer {

    private final EventIngestor ingestor;

    AnalyticsEventConsumer(EventIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Incoming("users-in")
    @Blocking
    public void onUserEvent(ConsumerRecord<String, String> record) {
        ingestor.ingest(record);
    }

    @Incoming("documents-in")
    @Blocking
    public void onDocumentEvents(ConsumerRecords<String, String> records) {
        ingestor.ingestBatch(list(records));
    }

    @Incoming("study-in")
    @Blocking
    public void onStudyEvents(ConsumerRecords<String, String> records) {
        ingestor.ingestBatch(list(records));
    }

    @Incoming("quiz-in")
    @Blocking
    public void onQuizEvents(ConsumerRecords<String, String> records) {
        ingestor.ingestBatch(list(records));
    }

    private static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
