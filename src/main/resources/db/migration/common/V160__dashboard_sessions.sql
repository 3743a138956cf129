-- Dashboard sign-in (owned by io.pagelens.web). One row per one-time login link (kind 'link', deleted when used)
-- and per browser session (kind 'session'). Only the SHA-256 of a token is stored: a copied database opens nothing.
-- key_id is the API key a session acts as, so jobs, rate and (later) tenant follow the key.
CREATE TABLE dashboard_sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    kind       VARCHAR(10) NOT NULL,
    key_id     VARCHAR(40) NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    created_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX dashboard_sessions_expires ON dashboard_sessions (expires_at);
