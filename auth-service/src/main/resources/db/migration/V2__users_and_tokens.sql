-- Accounts. The email keeps the case it was registered with; uniqueness and look-ups ignore case.
CREATE TABLE user_account (
    id                uuid PRIMARY KEY,
    email             varchar(254) NOT NULL,
    password_hash     text         NOT NULL,       -- Argon2id PHC string, never the password
    full_name         varchar(200) NOT NULL,
    email_verified_at timestamptz,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE UNIQUE INDEX user_account_email_lower_key ON user_account (lower(email));

-- Opaque refresh tokens, stored only as SHA-256 hashes. A family is one login session: every
-- refresh spends a token (used_at) and issues its successor in the same family; presenting a
-- spent token revokes the whole family (revoked_at).
CREATE TABLE refresh_token (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    family_id  uuid        NOT NULL,
    token_hash bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz,
    CONSTRAINT refresh_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);

-- Single-use tokens sent by email (verification, password reset), also stored hashed.
CREATE TABLE one_time_token (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    purpose    varchar(32) NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    token_hash bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CONSTRAINT one_time_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX one_time_token_user_purpose_idx ON one_time_token (user_id, purpose);
CREATE INDEX one_time_token_expires_idx ON one_time_token (expires_at);
