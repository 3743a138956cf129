-- A project's site (its home page URL, set at creation or by a crawl) and its brand profile (issue 13).
ALTER TABLE projects ADD COLUMN url TEXT;

-- The brand profile computed from the project's home page: recomputed only when asked (?refresh=true).
CREATE TABLE brand_profiles (
    project_id   VARCHAR(40) PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    url          TEXT        NOT NULL,  -- the page it was computed from
    capture_id   VARCHAR(40),           -- the capture that collected it (may be gone since: retention)
    profile_json TEXT        NOT NULL,
    computed_at  BIGINT      NOT NULL
);
