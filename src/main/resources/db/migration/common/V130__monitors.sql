-- Monitors: scheduled re-captures with change detection (owned by io.pagelens.monitor). Times are epoch
-- milliseconds, as in the jobs table.
CREATE TABLE monitors (
    id              VARCHAR(40)  PRIMARY KEY,
    owner           VARCHAR(64),
    definition      TEXT         NOT NULL,   -- the MonitorSpec as JSON (targets, schedule, capture options, thresholds, webhook)
    enabled         BOOLEAN      NOT NULL,
    jitter_ms       BIGINT       NOT NULL,   -- this monitor's fixed offset after each due time
    next_due_at     BIGINT       NOT NULL,   -- the schedule's next due time
    next_fire_at    BIGINT       NOT NULL,   -- next_due_at + jitter_ms: when the scheduler enqueues it
    last_status     VARCHAR(16),
    last_run_at     BIGINT,
    notify_failures INTEGER      NOT NULL DEFAULT 0,
    notify_error    TEXT,
    notify_at       BIGINT,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL
);
CREATE INDEX monitors_fire ON monitors (enabled, next_fire_at);

-- One row per due time: the unique key is what makes several schedulers (and a restarted one) enqueue it once.
CREATE TABLE monitor_runs (
    id            VARCHAR(40)  PRIMARY KEY,
    monitor_id    VARCHAR(40)  NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
    due_at        BIGINT       NOT NULL,
    fire_at       BIGINT       NOT NULL,
    coalesced     INTEGER      NOT NULL DEFAULT 0,  -- due times missed (downtime) that this run stands for
    state         VARCHAR(16)  NOT NULL,            -- queued, running, done, failed
    job_id        VARCHAR(40),
    change_status VARCHAR(16),
    summary       TEXT,
    error         TEXT,
    enqueued_at   BIGINT       NOT NULL,
    started_at    BIGINT,
    finished_at   BIGINT,
    UNIQUE (monitor_id, due_at)
);

-- The per-page outcome of a run: the page's change history (changed rows hold the diff image and text diff blobs).
CREATE TABLE monitor_changes (
    id                  VARCHAR(40)  PRIMARY KEY,
    monitor_id          VARCHAR(40)  NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
    run_id              VARCHAR(40)  NOT NULL REFERENCES monitor_runs (id) ON DELETE CASCADE,
    url                 TEXT         NOT NULL,
    change_status       VARCHAR(16)  NOT NULL,
    http_status         INTEGER,
    capture_id          VARCHAR(40),
    previous_capture_id VARCHAR(40),
    changed_percent     DOUBLE PRECISION,
    regions             TEXT,
    added_words         INTEGER,
    removed_words       INTEGER,
    diff_image_sha256   CHAR(64),
    text_diff_sha256    CHAR(64),
    text_diff_excerpt   TEXT,
    created_at          BIGINT       NOT NULL
);
CREATE INDEX monitor_changes_page ON monitor_changes (monitor_id, url, created_at);
CREATE INDEX monitor_changes_run ON monitor_changes (run_id);

-- Blobs kept by something other than a capture (a change's diff image and text diff): garbage collection spares a
-- blob while a hold names it. Holder is e.g. 'monitor:<id>'.
CREATE TABLE blob_holds (
    holder      VARCHAR(80)  NOT NULL,
    blob_sha256 CHAR(64)     NOT NULL REFERENCES blobs (sha256),
    PRIMARY KEY (holder, blob_sha256)
);
CREATE INDEX blob_holds_blob ON blob_holds (blob_sha256);
