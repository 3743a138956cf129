-- A project's page-type overrides (owned by io.pagelens.crawl): rules tried in position order, the first whose
-- path regex is found in a page's path sets its type. Portable SQL.
CREATE TABLE crawl_type_overrides (
    project_id   VARCHAR(40)  NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position     INTEGER      NOT NULL,
    path_pattern VARCHAR(1000) NOT NULL,
    page_type    VARCHAR(20)  NOT NULL,
    PRIMARY KEY (project_id, position)
);
