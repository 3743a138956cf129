-- Visual (and Markdown) diffs between two stored captures (issue 13), computed once per pair and options, kept
-- while both captures exist. The two images are blobs like artifacts; the GC counts these references too.
CREATE TABLE capture_diffs (
    id           VARCHAR(40) PRIMARY KEY,
    capture_a    VARCHAR(40) NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
    capture_b    VARCHAR(40) NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
    options_hash CHAR(64)    NOT NULL,    -- SHA-256 of the diff options' JSON
    result_json  TEXT        NOT NULL,    -- the DiffResult, plus the text diff when both have Markdown
    diff_blob    CHAR(64)    NOT NULL REFERENCES blobs (sha256),
    side_blob    CHAR(64)    NOT NULL REFERENCES blobs (sha256),
    created_at   BIGINT      NOT NULL,
    UNIQUE (capture_a, capture_b, options_hash)
);
CREATE INDEX capture_diffs_b ON capture_diffs (capture_b);
CREATE INDEX capture_diffs_diff_blob ON capture_diffs (diff_blob);
CREATE INDEX capture_diffs_side_blob ON capture_diffs (side_blob);
