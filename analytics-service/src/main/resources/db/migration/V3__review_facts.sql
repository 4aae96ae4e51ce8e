-- Spaced review (quiz-service's ReviewCompleted and CardSuspended): one row per review, for reviews per day and
-- true retention, and one row per card with its latest schedule, for the due forecast and mastery per topic.

CREATE TABLE review_fact (
    card_id        uuid             NOT NULL,
    reviewed_at    timestamptz      NOT NULL,
    user_id        uuid             NOT NULL,
    rating         text             NOT NULL,
    state_before   text             NOT NULL,
    retrievability double precision NOT NULL,
    PRIMARY KEY (card_id, reviewed_at)
);
CREATE INDEX review_fact_user_reviewed_idx ON review_fact (user_id, reviewed_at);

-- The card's schedule as of its latest review (the latest reviewed_at wins, whatever the arrival order);
-- suspended (with its reason) by the latest CardSuspended.
CREATE TABLE review_card_fact (
    card_id          uuid PRIMARY KEY,
    user_id          uuid             NOT NULL,
    document_id      uuid,
    topic            text,
    stability        double precision NOT NULL,
    decay            double precision NOT NULL,
    last_review      timestamptz      NOT NULL,
    due              timestamptz      NOT NULL,
    suspended        boolean          NOT NULL DEFAULT false,
    suspended_reason text,
    status_changed_at timestamptz
);
CREATE INDEX review_card_fact_user_due_idx ON review_card_fact (user_id, due);
