-- UserDeleted leaves a tombstone, written in the purge's transaction: a write for that user arriving afterwards (a
-- request already on its way, or a token still inside its lifetime while Redis is down) is refused, so nothing of
-- theirs is stored again. Session inserts and the purge take a per-user advisory lock (shared / exclusive), so an
-- insert that had not committed when the purge began is either seen by it or sees the tombstone. Messages need no
-- check of their own: one is only stored under its session's row lock, and the purge deletes the sessions.
CREATE TABLE deleted_user (
    user_id    uuid PRIMARY KEY,
    deleted_at timestamptz NOT NULL DEFAULT now()
);
