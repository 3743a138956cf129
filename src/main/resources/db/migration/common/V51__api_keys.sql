-- API keys (owned by io.pagelens.api.auth). Only the SHA-256 of the secret is stored.
CREATE TABLE api_keys (
    id              VARCHAR(40)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    prefix          VARCHAR(24)  NOT NULL,
    secret_hash     VARCHAR(64)  NOT NULL UNIQUE,
    rate_per_minute INTEGER      NOT NULL,
    created_at      BIGINT       NOT NULL,
    last_used_at    BIGINT,
    revoked_at      BIGINT
);
