-- Projects belong to a tenant; a name is unique within its tenant, so one tenant's names tell nothing about another's.
-- SQLite cannot drop the column's UNIQUE constraint, so the table is rebuilt (the documented 12-step procedure):
-- with foreign keys off, DROP TABLE does not cascade to pages, and pages' REFERENCES projects binds to the new table.
-- Foreign keys can only be switched outside a transaction: V101__project_tenants.sql.conf runs this script without one.
PRAGMA foreign_keys = OFF;
CREATE TABLE projects_v101 (
    id           VARCHAR(40)  PRIMARY KEY,
    tenant       VARCHAR(64)  NOT NULL DEFAULT 'default',
    name         VARCHAR(200) NOT NULL,
    max_versions INTEGER,
    max_age_ms   BIGINT,
    created_at   BIGINT       NOT NULL,
    UNIQUE (tenant, name)
);
INSERT INTO projects_v101 (id, tenant, name, max_versions, max_age_ms, created_at)
    SELECT id, 'default', name, max_versions, max_age_ms, created_at FROM projects;
DROP TABLE projects;
ALTER TABLE projects_v101 RENAME TO projects;
PRAGMA foreign_keys = ON;
