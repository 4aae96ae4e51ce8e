-- Spaced review (FSRS-6): a user's cards, each tied to a page of one of their documents, the log of every review,
-- and the user's review settings. Every row belongs to one user (card.user_id, review_log.user_id,
-- review_settings.user_id); UserDeleted deletes them with the user's quizzes.

CREATE TABLE card (
    id               uuid PRIMARY KEY,
    user_id          uuid             NOT NULL,
    origin           text             NOT NULL CHECK (origin IN ('missed_question', 'question', 'citation', 'flashcard')),
    question_id      uuid,                             -- the quiz question it came from, if any (no FK: kept if the quiz goes)
    dedupe_key       text             NOT NULL,        -- the document and the normalised prompt: one card per thing asked
    question_type    text             NOT NULL,        -- how a typed answer is graded (the quiz question types)
    prompt           text             NOT NULL,
    options          jsonb            NOT NULL DEFAULT '[]',
    answer           text             NOT NULL,
    explanation      text,
    topic            text             NOT NULL,
    document_id      uuid             NOT NULL,
    document_title   text,
    page             integer          NOT NULL CHECK (page >= 1),
    passage          text             NOT NULL,
    start_offset     integer,
    end_offset       integer,
    -- the FSRS memory state
    state            text             NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'learning', 'review', 'relearning')),
    step             integer,
    stability        double precision,
    difficulty       double precision,
    due              timestamptz      NOT NULL,
    last_review      timestamptz,
    reps             integer          NOT NULL DEFAULT 0,
    lapses           integer          NOT NULL DEFAULT 0,
    suspended        boolean          NOT NULL DEFAULT false,
    suspended_reason text,                             -- 'user' or 'document_deleted'
    created_at       timestamptz      NOT NULL,
    UNIQUE (user_id, dedupe_key)
);
-- the due queue: a user's cards in schedule, most overdue first; and new cards, oldest first
CREATE INDEX card_due ON card (user_id, due, id) WHERE NOT suspended AND state <> 'new';
CREATE INDEX card_new ON card (user_id, created_at, id) WHERE NOT suspended AND state = 'new';
CREATE INDEX card_document ON card (document_id);

-- Every review, as FSRS needs it to fit a user's own weights later (card, rating, time, elapsed days, states and
-- memory before and after).
CREATE TABLE review_log (
    id                bigserial PRIMARY KEY,
    card_id           uuid             NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    user_id           uuid             NOT NULL,
    rating            smallint         NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at       timestamptz      NOT NULL,
    elapsed_days      integer,                          -- whole days since the previous review; null for the first
    scheduled_days    integer          NOT NULL,        -- whole days until the next due time
    state_before      text             NOT NULL,
    state_after       text             NOT NULL,
    stability_before  double precision,
    stability_after   double precision NOT NULL,
    difficulty_before double precision,
    difficulty_after  double precision NOT NULL,
    retrievability    double precision NOT NULL,        -- predicted recall at the review (0 for a new card)
    typed_answer      text,
    answer_correct    boolean
);
CREATE INDEX review_log_user_time ON review_log (user_id, reviewed_at);
CREATE INDEX review_log_card ON review_log (card_id, reviewed_at);

CREATE TABLE review_settings (
    user_id           uuid PRIMARY KEY,
    desired_retention double precision NOT NULL CHECK (desired_retention BETWEEN 0.70 AND 0.97),
    new_per_day       integer          NOT NULL CHECK (new_per_day BETWEEN 0 AND 1000),
    reviews_per_day   integer          NOT NULL CHECK (reviews_per_day BETWEEN 0 AND 10000),
    time_zone         text             NOT NULL,
    updated_at        timestamptz      NOT NULL
);
