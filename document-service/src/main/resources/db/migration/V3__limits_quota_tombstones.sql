-- Issue 14: bounded ingestion, per-user quota, no late writes after UserDeleted.

-- Why a document ended FAILED / NEEDS_OCR, as a stable code next to the sentence shown to the student
-- (too_many_pages, page_text_too_large, text_too_large, took_too_long, unreadable, crashed_processing, ...).
ALTER TABLE document ADD COLUMN failure_code text;

-- Quota sums per user: bytes of every document that still has its file, and the number of documents.
CREATE INDEX document_user_status ON document (user_id, status) INCLUDE (size_bytes);

-- Users whose data was purged on UserDeleted: a write that arrives later for them (an upload that raced the
-- purge) is refused. Written in the purge transaction, under the same per-user lock uploads take.
CREATE TABLE deleted_user (
    user_id    uuid PRIMARY KEY,
    deleted_at timestamptz NOT NULL DEFAULT now()
);
