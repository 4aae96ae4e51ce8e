-- The W3C trace context of the transaction that wrote the event (null without tracing); the relay
-- sends it as the Kafka header traceparent so a consumer's trace continues the producer's.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent text;
