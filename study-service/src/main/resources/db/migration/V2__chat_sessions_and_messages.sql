-- Chat sessions and their messages. PostgreSQL is the source of truth for every message; Redis only keeps a
-- live window of recent messages per session, rebuilt from here on a miss.

CREATE TABLE chat_session (
    id                uuid PRIMARY KEY,
    user_id           uuid        NOT NULL,
    title             text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    document_ids      uuid[]      NOT NULL,
    status            text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    started_at        timestamptz NOT NULL DEFAULT now(),
    last_activity_at  timestamptz NOT NULL DEFAULT now(),
    archived_at       timestamptz,
    -- set when the last WebSocket of the session closed: archive then, unless a client reconnects
    archive_after     timestamptz,
    message_count     integer     NOT NULL DEFAULT 0,
    -- seq of the newest message: the Redis window is trusted only when it ends with this message
    last_message_seq  bigint      NOT NULL DEFAULT 0,
    CHECK ((status = 'ARCHIVED') = (archived_at IS NOT NULL))
);
-- a user's sessions, newest first
CREATE INDEX chat_session_user_started ON chat_session (user_id, started_at DESC, id);
-- the archiving sweep looks only at active sessions
CREATE INDEX chat_session_active_activity ON chat_session (last_activity_at) WHERE status = 'ACTIVE';
CREATE INDEX chat_session_archive_after ON chat_session (archive_after)
    WHERE status = 'ACTIVE' AND archive_after IS NOT NULL;
-- DocumentDeleted removes the document from every session that selected it
CREATE INDEX chat_session_documents ON chat_session USING gin (document_ids);

-- seq is the order of a session's messages: a message is inserted while its session row is locked, so within a
-- session seq order is commit order, and "messages after X" never skips a message that commits late.
CREATE TABLE chat_message (
    id                uuid PRIMARY KEY,
    seq               bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    session_id        uuid        NOT NULL REFERENCES chat_session (id) ON DELETE CASCADE,
    role              text        NOT NULL CHECK (role IN ('USER', 'ASSISTANT')),
    content           text        NOT NULL,
    citations         jsonb       NOT NULL DEFAULT '[]',
    verdict           text        CHECK (verdict IN ('CORRECT', 'AMBIGUOUS', 'NOT_FOUND')),
    model             text,
    cache_hit         boolean,
    prompt_tokens     integer,
    completion_tokens integer,
    latency_ms        bigint,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_message_session_seq ON chat_message (session_id, seq);
