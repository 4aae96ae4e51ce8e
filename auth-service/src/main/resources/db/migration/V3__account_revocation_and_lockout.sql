-- Account-wide revocation: every access token of the user issued before this instant (whole seconds, as a
-- JWT's iat) is void. Set by password change and reset; auth-service issues new tokens with iat >= it. The
-- durable copy of Redis' lv:revoked-before:{userId} (which expires with the access-token lifetime).
ALTER TABLE user_account ADD COLUMN tokens_valid_after timestamptz;

-- Absolute lifetime of a login session: every token of a family carries the family's start (its login), and
-- rotation never issues a token expiring past start + lectavera.auth.tokens.refresh-family-lifetime.
ALTER TABLE refresh_token ADD COLUMN family_started_at timestamptz;
-- Existing families: their oldest token still stored (expired ones may have been cleaned up, so this is the
-- login or later: such a family may live a few days longer than the limit, once).
UPDATE refresh_token t
SET family_started_at = (SELECT min(f.created_at) FROM refresh_token f WHERE f.family_id = t.family_id);
ALTER TABLE refresh_token ALTER COLUMN family_started_at SET NOT NULL;

-- Wrong passwords per account, whatever the client address. Keyed by the SHA-256 of the lower-cased email,
-- whether or not an account has it, so that a lock says nothing about existence and survives deletion and
-- re-registration of the address. PostgreSQL, not Redis: a Redis restart must not unlock anybody.
CREATE TABLE password_failure (
    account_key       text PRIMARY KEY,               -- hex SHA-256 of the lower-cased email
    failures          integer     NOT NULL DEFAULT 0,  -- attempts counted in the current window
    window_started_at timestamptz,                     -- the window's first failure; null: none yet
    last_failure_at   timestamptz,
    locked_until      timestamptz,                     -- 429 until then, even for the right password
    locks_in_a_row    integer     NOT NULL DEFAULT 0   -- the next lock lasts initial-delay * 2^locks_in_a_row
);
CREATE INDEX password_failure_last_failure_idx ON password_failure (last_failure_at);
