-- Quizzes generated from a user's documents, their questions (each grounded in one page), and graded attempts.
-- Every row belongs to one user: quiz.user_id, attempt.user_id; questions and answers hang off them and go with
-- them (UserDeleted deletes the user's quizzes, the cascade takes the rest).

CREATE TABLE quiz (
    id              uuid PRIMARY KEY,
    user_id         uuid        NOT NULL,
    title           text        NOT NULL,
    difficulty      text        NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    question_types  jsonb       NOT NULL,            -- the types asked for, e.g. ["multiple_choice","true_false"]
    requested_count integer     NOT NULL CHECK (requested_count BETWEEN 1 AND 50),
    question_count  integer     NOT NULL CHECK (question_count BETWEEN 1 AND 50),
    generator       text        NOT NULL,            -- lectavera-offline or openai:<model>
    generation      jsonb       NOT NULL,            -- gate rejections, shortfall, fallback: see GenerationMetadata
    source_deleted  boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);
-- the list endpoint: a user's quizzes, newest first
CREATE INDEX quiz_user_created ON quiz (user_id, created_at DESC, id);

-- The documents a quiz was built from (titles as they were); deleted_at is set by DocumentDeleted.
CREATE TABLE quiz_document (
    quiz_id     uuid    NOT NULL REFERENCES quiz (id) ON DELETE CASCADE,
    document_id uuid    NOT NULL,
    position    integer NOT NULL,
    title       text    NOT NULL,
    version     bigint  NOT NULL,
    deleted_at  timestamptz,
    PRIMARY KEY (quiz_id, document_id)
);
-- DocumentDeleted finds the quizzes built on a document
CREATE INDEX quiz_document_document ON quiz_document (document_id);

CREATE TABLE question (
    id           uuid PRIMARY KEY,
    quiz_id      uuid    NOT NULL REFERENCES quiz (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    type         text    NOT NULL CHECK (type IN ('multiple_choice', 'true_false', 'fill_in_blank', 'short_answer')),
    prompt       text    NOT NULL,
    options      jsonb   NOT NULL DEFAULT '[]',      -- the choices shown; empty for typed answers
    answer       text    NOT NULL,                   -- the answer key: never shown before an attempt
    explanation  text    NOT NULL,
    topic        text    NOT NULL,                   -- the key term the question is about
    document_id  uuid    NOT NULL,
    page         integer NOT NULL CHECK (page >= 1),
    passage      text    NOT NULL,                   -- the sentence or passage the question was drawn from
    start_offset integer,                            -- the passage's place in the page text, when known
    end_offset   integer,
    UNIQUE (quiz_id, position)
);

CREATE TABLE attempt (
    id                 uuid PRIMARY KEY,
    quiz_id            uuid             NOT NULL REFERENCES quiz (id) ON DELETE CASCADE,
    user_id            uuid             NOT NULL,
    score              double precision NOT NULL CHECK (score >= 0),
    max_score          double precision NOT NULL CHECK (max_score > 0),
    time_spent_seconds integer          NOT NULL CHECK (time_spent_seconds BETWEEN 0 AND 86400),
    completed_at       timestamptz      NOT NULL DEFAULT now()
);
-- a quiz's attempts by its owner, newest first; best score per quiz
CREATE INDEX attempt_quiz_user ON attempt (quiz_id, user_id, completed_at DESC);
CREATE INDEX attempt_user ON attempt (user_id);

CREATE TABLE attempt_answer (
    attempt_id  uuid    NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
    question_id uuid    NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    answer      text,                                -- null: left unanswered
    correct     boolean NOT NULL,
    grading     text    NOT NULL CHECK (grading IN ('exact', 'lenient', 'model', 'unanswered')),
    PRIMARY KEY (attempt_id, question_id)
);
