package dev.lectavera.auth.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A row of the transactional outbox (table from V1). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String topic;

    @Column(name = "record_key", nullable = false, updatable = false)
    private String recordKey;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(nullable = false, updatable = false)
    private String envelope;

    /** Set by the database (transaction time), so relay order is commit-ish order. */
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxEvent() {
        // JPA
    }

    public OutboxEvent(UUID id, String topic, String recordKey, String eventType, String envelope) {
        this.id = id;
        this.topic = topic;
        this.recordKey = recordKey;
        this.eventType = eventType;
        this.envelope = envelope;
    }

    public void markPublished(Instant now) {
        this.publishedAt = now;
        this.attempts++;
        this.lastError = null;
    }

    public void markFailed(String error) {
        this.attempts++;
        this.lastError = error == null ? "unknown error"
                : error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    public UUID getId() {
        return id;
    }

    public String getTopic() {
        return topic;
    }

    public String getRecordKey() {
        return recordKey;
    }

    public String getEventType() {
        return eventType;
    }

    public String getEnvelope() {
        return envelope;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }
}
