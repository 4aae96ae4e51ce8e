-- Idempotent consumers: an event id is applied once, whatever Kafka redelivers.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
