-- Crawls and their durable frontier (owned by io.pagelens.crawl; versions V110..V119). Portable SQL.
-- Times are epoch milliseconds. A crawl's URLs are keyed by the SHA-256 of the normalised URL (long URLs exceed
-- PostgreSQL's btree entry limit) and numbered by seq, handed out from crawls.url_seq in discovery order.

CREATE TABLE crawls (
    id               VARCHAR(40)  PRIMARY KEY,
    owner            VARCHAR(64),                 -- tenant; NULL in single-tenant installs
    project_id       VARCHAR(40)  REFERENCES projects (id) ON DELETE CASCADE,
    seed_url         TEXT         NOT NULL,
    options_json     TEXT         NOT NULL,       -- CrawlOptions.toJson(): every option explicit
    state            VARCHAR(16)  NOT NULL,       -- queued, running, completed, failed, cancelled
    reason           VARCHAR(40),                 -- limitReached, maxDurationReached, stalled, cancelled, ...
    error_message    TEXT,
    cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
    worker           VARCHAR(120),                -- the process driving the crawl, while its lease holds
    lease_until      BIGINT,
    url_seq          BIGINT       NOT NULL DEFAULT 0,
    counts_json      TEXT,                        -- counts frozen when the crawl ended
    deadline_at      BIGINT,                      -- started_at + maxDuration
    created_at       BIGINT       NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT,
    progress_at      BIGINT       NOT NULL,       -- last time one of its URLs changed state
    updated_at       BIGINT       NOT NULL
);
CREATE INDEX crawls_state_lease ON crawls (state, lease_until);
CREATE INDEX crawls_owner_created ON crawls (owner, created_at);
CREATE INDEX crawls_project ON crawls (project_id);

CREATE TABLE crawl_urls (
    crawl_id        VARCHAR(40)  NOT NULL REFERENCES crawls (id) ON DELETE CASCADE,
    url_sha256      CHAR(64)     NOT NULL,
    seq             BIGINT       NOT NULL,
    url             TEXT         NOT NULL,        -- normalised (or the raw link, for skipped non-web schemes)
    origin          VARCHAR(300) NOT NULL,        -- scheme://host[:port], the politeness key
    budget_key      VARCHAR(64),                   -- trap budget it counts against; NULL when skipped at discovery
    depth           INTEGER      NOT NULL,
    source          VARCHAR(12)  NOT NULL,        -- seed, link, sitemap, redirect, canonical
    parent_seq      BIGINT,                       -- the page it was first found on
    link_text       VARCHAR(500),                 -- anchor text / nav label of that first link
    state           VARCHAR(12)  NOT NULL,        -- queued, in_flight, done, failed, skipped
    reason          VARCHAR(40),                  -- skip reason or failure code
    detail          TEXT,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    worker          VARCHAR(120),
    lease_until     BIGINT,
    http_status     INTEGER,
    content_type    VARCHAR(200),
    final_url       TEXT,
    content_hash    VARCHAR(64),
    page_type       VARCHAR(20),
    type_confidence REAL,
    type_signals    TEXT,                         -- JSON list of the signals that decided the type
    capture_id      VARCHAR(40),
    duplicate_of    BIGINT,                       -- seq of the page it duplicates
    discovered_at   BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    PRIMARY KEY (crawl_id, url_sha256)
);
CREATE UNIQUE INDEX crawl_urls_seq ON crawl_urls (crawl_id, seq);
-- claiming: the shallowest queued URL of an origin, in discovery order
CREATE INDEX crawl_urls_claim ON crawl_urls (crawl_id, state, origin, depth, seq);
CREATE INDEX crawl_urls_budget ON crawl_urls (crawl_id, budget_key);
-- one done page per content: a second page with the same hash is a duplicate (exact even with concurrent workers)
CREATE UNIQUE INDEX crawl_urls_done_hash ON crawl_urls (crawl_id, content_hash) WHERE state = 'done';
CREATE INDEX crawl_urls_lease ON crawl_urls (state, lease_until);

-- Politeness per origin: the next time a URL of it may be claimed (delay option, or robots.txt Crawl-delay).
CREATE TABLE crawl_hosts (
    crawl_id      VARCHAR(40)  NOT NULL REFERENCES crawls (id) ON DELETE CASCADE,
    origin        VARCHAR(300) NOT NULL,
    delay_ms      BIGINT       NOT NULL,
    next_fetch_at BIGINT       NOT NULL,
    robots        VARCHAR(12),                    -- parsed, missing, unreachable, ignored
    PRIMARY KEY (crawl_id, origin)
);
