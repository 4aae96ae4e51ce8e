-- Read models of analytics-service, built only from Kafka events (README: "Read models").
-- Every fact row carries user_id: a UserDeleted purges a user with one DELETE per table, and each
-- endpoint reads one user's rows through a (user_id, time) index.

-- Users whose UserDeleted was applied. Kept forever (a read-model reset keeps it too): any later
-- or replayed event of such a user is recorded as processed and ignored, so nothing comes back.
CREATE TABLE deleted_user (
    user_id    uuid PRIMARY KEY,
    deleted_at timestamptz NOT NULL
);

CREATE TABLE user_account (
    user_id       uuid PRIMARY KEY,
    registered_at timestamptz NOT NULL
);

-- One row per document. indexed_version / title_version: the highest version seen wins, whatever
-- the arrival order. deleted_at set = gone for good (a late DocumentIndexed never revives it).
CREATE TABLE document_fact (
    document_id     uuid PRIMARY KEY,
    user_id         uuid    NOT NULL,
    title           text,
    title_version   bigint,
    page_count      integer NOT NULL DEFAULT 0,
    indexed_version bigint,
    indexed_at      timestamptz,
    deleted_at      timestamptz
);
CREATE INDEX document_fact_user_idx ON document_fact (user_id);

-- One row per archived chat session (the latest archive of a session wins).
CREATE TABLE chat_session_fact (
    session_id    uuid PRIMARY KEY,
    user_id       uuid        NOT NULL,
    message_count integer     NOT NULL,
    started_at    timestamptz NOT NULL,
    ended_at      timestamptz NOT NULL
);
CREATE INDEX chat_session_fact_user_started_idx ON chat_session_fact (user_id, started_at);

-- The query log: one row per answered question (QueryAnswered), for counts and exact percentiles.
CREATE TABLE query_fact (
    message_id        uuid PRIMARY KEY,
    user_id           uuid        NOT NULL,
    session_id        uuid,
    answered_at       timestamptz NOT NULL,
    latency_ms        bigint      NOT NULL,
    cache_hit         boolean     NOT NULL,
    verdict           text        NOT NULL,
    citation_count    integer     NOT NULL,
    prompt_tokens     integer     NOT NULL,
    completion_tokens integer     NOT NULL,
    model             text        NOT NULL
);
CREATE INDEX query_fact_user_answered_idx ON query_fact (user_id, answered_at) INCLUDE (latency_ms);

-- Graded attempts (QuizCompleted) and one row per question outcome.
CREATE TABLE quiz_attempt_fact (
    attempt_id       uuid PRIMARY KEY,
    quiz_id          uuid,
    user_id          uuid             NOT NULL,
    score            double precision NOT NULL,
    max_score        double precision NOT NULL,
    duration_seconds bigint           NOT NULL,
    completed_at     timestamptz      NOT NULL
);
CREATE INDEX quiz_attempt_fact_user_completed_idx ON quiz_attempt_fact (user_id, completed_at);

CREATE TABLE quiz_outcome_fact (
    attempt_id  uuid    NOT NULL REFERENCES quiz_attempt_fact (attempt_id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    user_id     uuid    NOT NULL,
    question_id uuid,
    document_id uuid,
    page        integer,
    topic       text,
    correct     boolean NOT NULL,
    PRIMARY KEY (attempt_id, ordinal)
);
CREATE INDEX quiz_outcome_fact_user_topic_idx ON quiz_outcome_fact (user_id, topic);
