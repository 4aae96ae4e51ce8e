-- The outbox and inbox tables every service shares (libs/outbox). IF NOT EXISTS: a database whose
-- tables were made by the services' former V1 migrations adopts them unchanged.

-- Transactional outbox: an event is inserted in the same transaction as the change it
-- describes; the relay publishes unpublished rows to Kafka and stamps published_at.
CREATE TABLE IF NOT EXISTS outbox_event (
    id           uuid PRIMARY KEY,          -- the CloudEvent id
    topic        text        NOT NULL,
    record_key   text        NOT NULL,      -- the aggregate id: ordering per aggregate
    event_type   text        NOT NULL,
    envelope     text        NOT NULL,      -- the serialised CloudEvent, published byte for byte
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX IF NOT EXISTS outbox_event_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;

-- Idempotent consumers: an event id is applied once, whatever Kafka redelivers.
CREATE TABLE IF NOT EXISTS processed_event (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
