-- Dashboard thumbnails (owned by io.pagelens.web): a small PNG per capture screenshot, made once from the stored
-- screenshot by streaming its rows, then served from here. Base64 text, so the same column type works on SQLite and
-- PostgreSQL; at 320x240 px a thumbnail is tens of KB. Deleted with its capture.
CREATE TABLE capture_thumbnails (
    capture_id VARCHAR(40) PRIMARY KEY REFERENCES captures (id) ON DELETE CASCADE,
    width      INTEGER     NOT NULL,
    height     INTEGER     NOT NULL,
    png_base64 TEXT        NOT NULL,
    created_at BIGINT      NOT NULL
);

-- A project's site (where its crawls start), shown and set by the dashboard and POST /v1/projects.
ALTER TABLE projects ADD COLUMN site_url TEXT;
