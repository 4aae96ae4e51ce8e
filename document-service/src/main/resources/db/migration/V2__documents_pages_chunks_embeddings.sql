-- Documents, their pages, chunks (with full-text vectors and embeddings) and the embedding cache.

CREATE TABLE document (
    id                    uuid PRIMARY KEY,
    user_id               uuid        NOT NULL,
    sha256                char(64)    NOT NULL,                -- hex SHA-256 of the original file
    title                 text        NOT NULL,
    title_from_user       boolean     NOT NULL DEFAULT false,  -- false: the PDF's metadata title may replace it
    original_filename     text,
    author                text,
    category              text,
    tags                  text[]      NOT NULL DEFAULT '{}',
    archived              boolean     NOT NULL DEFAULT false,
    status                text        NOT NULL
        CHECK (status IN ('QUEUED', 'PROCESSING', 'INDEXED', 'FAILED', 'NEEDS_OCR')),
    failure_reason        text,
    page_count            integer,
    pages_done            integer     NOT NULL DEFAULT 0,
    chunk_count           integer,
    size_bytes            bigint      NOT NULL,
    blob_key              text        NOT NULL,
    embedding_model       text,                                -- vectors of different models are never compared
    version               bigint      NOT NULL DEFAULT 1,      -- grows with every change (caches key on it)
    -- the job: a document is its own work item (claimed with FOR UPDATE SKIP LOCKED)
    attempts              integer     NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz NOT NULL DEFAULT now(),  -- QUEUED: not claimed before
    lease_token           uuid,                                -- PROCESSING: the claim of one worker
    lease_expires_at      timestamptz,                         -- PROCESSING: past it, the worker is presumed dead
    processing_started_at timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    indexed_at            timestamptz,
    CONSTRAINT document_user_sha256 UNIQUE (user_id, sha256)   -- the same file twice is the same document
);
-- Every list and search is scoped to one user.
CREATE INDEX document_user_created ON document (user_id, created_at DESC);
-- The job queue: only unfinished documents.
CREATE INDEX document_unfinished ON document (created_at) WHERE status IN ('QUEUED', 'PROCESSING');

CREATE TABLE document_page (
    document_id uuid    NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    page_number integer NOT NULL,                              -- 1-based, as a reader counts
    text        text    NOT NULL,                              -- normalised extracted text: chunk offsets point into it
    PRIMARY KEY (document_id, page_number)
);

CREATE TABLE chunk (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  uuid    NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    ordinal      integer NOT NULL,                             -- reading order within the document
    page_number  integer NOT NULL,                             -- a chunk never crosses a page boundary
    start_offset integer NOT NULL,                             -- [start_offset, end_offset) of the page text
    end_offset   integer NOT NULL,
    text         text    NOT NULL,
    text_hash    char(64) NOT NULL,                            -- hex SHA-256 of text: the embedding cache key
    token_count  integer NOT NULL,
    embedding    bytea   NOT NULL,                             -- float32 little-endian, L2-normalised
    tsv          tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    CONSTRAINT chunk_document_ordinal UNIQUE (document_id, ordinal),
    CONSTRAINT chunk_offsets CHECK (0 <= start_offset AND start_offset < end_offset)
);
CREATE INDEX chunk_tsv ON chunk USING gin (tsv);
CREATE INDEX chunk_text_hash ON chunk (text_hash);

-- A chunk text embedded once per model is never embedded again (re-uploads, resumed jobs, shared passages).
CREATE TABLE embedding_cache (
    model      text        NOT NULL,
    text_hash  char(64)    NOT NULL,
    embedding  bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model, text_hash)
);
