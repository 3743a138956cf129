-- pagelens storage schema. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Version ranges: store owns V1..V49, jobs/api own V50..V99 (Flyway runs with outOfOrder=true).
-- Times are epoch milliseconds (BIGINT): identical on both databases, no time zone surprises.
-- Ids are time-ordered text ids made in Java (io.pagelens.store.Ids), so no dialect-specific identity columns.

CREATE TABLE projects (
    id           VARCHAR(40)  PRIMARY KEY,
    name         VARCHAR(200) NOT NULL UNIQUE,
    max_versions INTEGER,                 -- versions kept per capture key (current + history); NULL = store default
    max_age_ms   BIGINT,                  -- captures older than this are removed by retention; NULL = kept
    created_at   BIGINT       NOT NULL
);

-- A page of a project: one URL (normalised) in one role (page type: home, product, article, ...).
CREATE TABLE pages (
    id         VARCHAR(40)  PRIMARY KEY,
    project_id VARCHAR(40)  NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    page_type  VARCHAR(100) NOT NULL,
    url        TEXT         NOT NULL,
    url_sha256 CHAR(64)     NOT NULL,     -- unique on the hash: long URLs exceed PostgreSQL's btree entry limit
    created_at BIGINT       NOT NULL,
    UNIQUE (project_id, page_type, url_sha256)
);

-- Every stored version of a capture. Rows are written once and never updated; capture_heads says which is current.
CREATE TABLE captures (
    id            VARCHAR(40)  PRIMARY KEY,
    page_id       VARCHAR(40)  NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    options_hash  CHAR(64)     NOT NULL,
    variant       VARCHAR(100) NOT NULL,  -- '' = the page as served
    version       INTEGER      NOT NULL,
    requested_url TEXT         NOT NULL,
    final_url     TEXT,
    http_status   INTEGER      NOT NULL,
    options_json  TEXT         NOT NULL,  -- the output-affecting options, canonical JSON (secrets redacted)
    report_json   TEXT         NOT NULL,
    metadata_json TEXT,
    links_json    TEXT,
    captured_at   BIGINT       NOT NULL,
    UNIQUE (page_id, options_hash, variant, version)
);
CREATE INDEX captures_captured_at ON captures (captured_at);

-- The current version per capture key (project, page type, URL, options hash, variant). Saving upserts this row:
-- INSERT ... ON CONFLICT DO UPDATE serialises concurrent saves of one key on the row, so exactly one is current.
-- The FK to captures is deferred because the head is upserted (allocating the version) before the capture row exists.
CREATE TABLE capture_heads (
    page_id      VARCHAR(40)  NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    options_hash CHAR(64)     NOT NULL,
    variant      VARCHAR(100) NOT NULL,
    capture_id   VARCHAR(40)  NOT NULL REFERENCES captures (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    version      INTEGER      NOT NULL,
    updated_at   BIGINT       NOT NULL,
    PRIMARY KEY (page_id, options_hash, variant)
);
CREATE INDEX capture_heads_capture ON capture_heads (capture_id);
CREATE INDEX capture_heads_updated ON capture_heads (updated_at);

-- Content-addressed blobs known to the store. A row is touched (last_used_at) BEFORE its object is published, and
-- garbage collection deletes row and object in one transaction, so a capture in flight never loses its blob.
CREATE TABLE blobs (
    sha256       CHAR(64)     PRIMARY KEY,
    bytes        BIGINT       NOT NULL,
    content_type VARCHAR(200) NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT       NOT NULL
);
CREATE INDEX blobs_last_used ON blobs (last_used_at);

-- The outputs of one capture version. The FK to blobs makes a reference to a missing blob impossible.
CREATE TABLE capture_artifacts (
    capture_id   VARCHAR(40)  NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
    position     INTEGER      NOT NULL,
    format       VARCHAR(20)  NOT NULL,
    blob_sha256  CHAR(64)     NOT NULL REFERENCES blobs (sha256),
    content_type VARCHAR(200) NOT NULL,
    bytes        BIGINT       NOT NULL,
    width        INTEGER      NOT NULL,
    height       INTEGER      NOT NULL,
    PRIMARY KEY (capture_id, position)
);
CREATE INDEX capture_artifacts_blob ON capture_artifacts (blob_sha256);
