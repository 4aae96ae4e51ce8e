-- Users whose UserDeleted was applied (written in the purge's transaction). Kept: a late write carrying such a
-- user id (a generation or an attempt that was in flight, a token still valid while Redis was down) is refused,
-- so nothing of the user is stored after the purge.
CREATE TABLE deleted_user (
    user_id    uuid PRIMARY KEY,
    deleted_at timestamptz NOT NULL
);
