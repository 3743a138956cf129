-- Durable job queue (owned by io.pagelens.jobs). Times are epoch milliseconds so that SQLite and
-- PostgreSQL compare them the same way.
CREATE TABLE jobs (
    id               VARCHAR(40)  PRIMARY KEY,
    kind             VARCHAR(32)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    priority         INTEGER      NOT NULL,
    payload          TEXT         NOT NULL,
    result           TEXT,
    error_code       VARCHAR(64),
    error_message    TEXT,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    max_attempts     INTEGER      NOT NULL,
    run_at           BIGINT       NOT NULL,
    lease_until      BIGINT,
    worker           VARCHAR(120),
    cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
    deadline_at      BIGINT,
    owner            VARCHAR(64),
    parent_id        VARCHAR(40),
    created_at       BIGINT       NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT,
    updated_at       BIGINT       NOT NULL
);

-- claiming: the next queued job by priority, then due time
CREATE INDEX jobs_claim ON jobs (state, priority, run_at);
-- lease reaping: running jobs whose worker stopped renewing
CREATE INDEX jobs_lease ON jobs (state, lease_until);
CREATE INDEX jobs_parent ON jobs (parent_id);
