-- The brand profile computed from a project's home page (its site_url), issue 13: recomputed only when asked (?refresh=true).
CREATE TABLE brand_profiles (
    project_id   VARCHAR(40) PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    url          TEXT        NOT NULL,  -- the page it was computed from
    capture_id   VARCHAR(40),           -- the capture that collected it (may be gone since: retention)
    profile_json TEXT        NOT NULL,
    computed_at  BIGINT      NOT NULL
);
